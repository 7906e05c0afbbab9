/**
 * The fake's hosted checkout page (`/checkout-session/:id`), a small stand-in for Recurrente's:
 * the items and total, a "PRUEBA · test mode" notice, a card field prefilled with the test card
 * that succeeds, a Pay button and a Cancel link back to the merchant.
 */

import { SUCCESS_CARD } from "./fake-pay";
import { checkoutStatus, type FakeCheckout, totalCents } from "./fake-state";

const html = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

const money = (cents: number, currency: string) => `${currency} ${(cents / 100).toFixed(2)}`;

const INTERVALS = { week: "semana", month: "mes", year: "año" } as const;

const STYLE = `
  body { font: 15px/1.5 system-ui, sans-serif; background: #f4f5f7; color: #1f2328; margin: 0; }
  main { max-width: 420px; margin: 48px auto; background: #fff; border-radius: 12px; padding: 28px;
         box-shadow: 0 1px 3px rgba(0,0,0,.08), 0 8px 24px rgba(0,0,0,.06); }
  .test { background: #fff4d6; color: #7a5200; border-radius: 6px; padding: 6px 10px; font-size: 13px; font-weight: 600; }
  h1 { font-size: 20px; margin: 16px 0; }
  table { width: 100%; border-collapse: collapse; margin-bottom: 16px; }
  td { padding: 8px 0; border-bottom: 1px solid #eceef1; } td:last-child { text-align: right; white-space: nowrap; }
  tr.total td { font-weight: 700; border-bottom: 0; }
  label { display: block; font-size: 13px; color: #57606a; margin-bottom: 4px; }
  input { width: 100%; box-sizing: border-box; font: inherit; padding: 10px; border: 1px solid #d0d7de; border-radius: 8px; }
  button { width: 100%; margin-top: 16px; padding: 12px; font: inherit; font-weight: 600; color: #fff;
           background: #5b3df5; border: 0; border-radius: 8px; cursor: pointer; }
  .error { background: #ffebe9; color: #a40e26; border-radius: 6px; padding: 8px 10px; margin-bottom: 12px; }
  .cancel { display: block; text-align: center; margin-top: 12px; color: #57606a; }
  @media (prefers-color-scheme: dark) { body { background: #0d1117; color: #e6edf3; } main { background: #161b22; }
    td { border-color: #30363d; } input { background: #0d1117; color: inherit; border-color: #30363d; } }`;

function page(title: string, content: string): string {
  return `<!doctype html><html lang="es"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${html(title)}</title>
<style>${STYLE}</style></head><body><main><div class="test">PRUEBA · test mode</div>${content}</main></body></html>`;
}

function itemLine(item: FakeCheckout["items"][number]): string {
  const every =
    item.charge_type === "recurring"
      ? ` / ${item.billing_interval_count && item.billing_interval_count > 1 ? `${item.billing_interval_count} ` : ""}${INTERVALS[item.billing_interval ?? "month"]}`
      : "";
  const quantity = item.quantity > 1 ? ` × ${item.quantity}` : "";
  return `<tr><td>${html(item.name)}${quantity}</td><td>${money(item.amount_in_cents * item.quantity, item.currency)}${every}</td></tr>`;
}

/** The page for a checkout: payable, or saying it is paid or expired; `decline` shows why a card failed. */
export function checkoutPage(checkout: FakeCheckout, decline?: string): string {
  const status = checkoutStatus(checkout);
  const currency = checkout.items[0]?.currency ?? "GTQ";
  const summary = `<table>${checkout.items.map(itemLine).join("")}
<tr class="total"><td>Total hoy</td><td>${money(totalCents(checkout), currency)}</td></tr></table>`;
  if (status === "paid")
    return page("Pagado", `<h1>Este checkout ya fue pagado</h1>${summary}<p>Gracias por tu pago.</p>`);
  if (status === "expired")
    return page("Expirado", `<h1>Este checkout expiró</h1>${summary}<p>Pide un nuevo enlace de pago al comercio.</p>`);
  const cancel = checkout.cancel_url ? `<a class="cancel" href="${html(checkout.cancel_url)}">Cancelar</a>` : "";
  return page(
    "Pagar",
    `<h1>Completa tu pago</h1>${summary}
${decline ? `<p class="error" role="alert">${html(decline)}</p>` : ""}
<form method="post" action="/checkout-session/${html(checkout.id)}/pay">
<label for="card">Número de tarjeta</label>
<input id="card" name="card" inputmode="numeric" autocomplete="cc-number" value="${SUCCESS_CARD}">
<button type="submit">Pagar ${money(totalCents(checkout), currency)}</button></form>${cancel}`,
  );
}

/** After a successful payment with no success_url to go back to. */
export const paidPage = (): string => page("Pagado", "<h1>Pago exitoso</h1><p>Ya puedes cerrar esta página.</p>");

export const missingPage = (id: string): string => page("No encontrado", `<h1>No existe el checkout ${html(id)}</h1>`);
