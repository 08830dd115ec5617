/** `text` parsed as JSON, or undefined when it is not JSON (the caller words the error for its input). */
export function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
