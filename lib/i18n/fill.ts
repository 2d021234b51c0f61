/** Only plain `{name}` arguments: no plural, select, number or date formats, no quoting. */
const PLAIN = /^(?:[^{}']|\{[A-Za-z_]\w*\})*$/;

/**
 * A message with string arguments, for a label repeated in every cell or row of a grid: a message whose
 * arguments are all plain `{name}` is filled by replacement, which gives the text the ICU formatter gives
 * for string values without its cost on every call (hundreds a page); any other message is formatted by
 * the translator as usual. `raw` is the message as written (the translator's `t.raw(key)`).
 */
export function messageFiller(
  raw: unknown,
  format: (values: Record<string, string>) => string,
): (values: Record<string, string>) => string {
  if (typeof raw !== "string" || !PLAIN.test(raw)) return format;
  const parts = raw.split(/\{([A-Za-z_]\w*)\}/);
  return (values) => {
    let text = "";
    for (let i = 0; i < parts.length; i++) text += i % 2 === 0 ? parts[i] : (values[parts[i] ?? ""] ?? "");
    return text;
  };
}
