/** How a channel shows in the Inbox: its icon and name. */
import { Globe, Mail, MessageSquare } from "lucide-react";

const CHANNELS = {
  email: { icon: Mail, label: "Email" },
  sms: { icon: MessageSquare, label: "SMS" },
  chat: { icon: Globe, label: "Chat" },
} as const;

export function ChannelIcon({ channel }: { channel: string }) {
  const known = CHANNELS[channel as keyof typeof CHANNELS] ?? CHANNELS.email;
  const Icon = known.icon;
  return <Icon className="h-3.5 w-3.5 shrink-0 text-muted" aria-label={known.label} role="img" />;
}

/** "visitor:abc…" reads as "Chat visitor abc…"; addresses and numbers as they are. */
export function counterpartLabel(counterpart: string): string {
  return counterpart.startsWith("visitor:") ? `Chat visitor ${counterpart.slice(8, 16)}` : counterpart;
}
