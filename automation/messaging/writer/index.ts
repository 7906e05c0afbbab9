/** The message writer's pure parts: the facts it reads, its prompt, and the template it falls back to. */
export { pitchContext, senderName, type WriterFacts } from "./facts";
export { WRITER_LABEL, WRITER_SYSTEM, type WriterPrompt, writerPrompt, writerUserMessage } from "./prompt";
export { NO_SITE_PITCH, type TemplateDraft, templateDraft } from "./template";
