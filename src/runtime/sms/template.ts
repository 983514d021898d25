const PLACEHOLDER = /\{([A-Za-z0-9_]+)\}/g;

/**
 * "您的验证码为{code}，{minutes}分钟内有效。" with { code: '123456', minutes: 5 } →
 * "您的验证码为123456，5分钟内有效。". Unknown placeholders stay as written so a typo in an
 * admin-edited template shows up in the message instead of silently vanishing.
 */
export function renderTemplate(text: string, vars: Readonly<Record<string, string | number>>): string {
  return text.replace(PLACEHOLDER, (match, name: string) =>
    Object.prototype.hasOwnProperty.call(vars, name) ? String(vars[name]) : match,
  );
}

/** Placeholder names in order of first appearance: "{code}…{minutes}…{code}" → ['code', 'minutes']. */
export function placeholderNames(text: string): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(PLACEHOLDER)) {
    if (!names.includes(match[1])) names.push(match[1]);
  }
  return names;
}

/**
 * Orders vars the way the template uses them, extra vars last. Tencent templates take
 * positional parameters ({1}, {2}), so the order is the contract with the approved template.
 */
export function orderVarsByTemplate(text: string, vars: Readonly<Record<string, string>>): Record<string, string> {
  const ordered: Record<string, string> = {};
  for (const name of placeholderNames(text)) {
    if (Object.prototype.hasOwnProperty.call(vars, name)) ordered[name] = vars[name];
  }
  for (const [name, value] of Object.entries(vars)) {
    if (!(name in ordered)) ordered[name] = value;
  }
  return ordered;
}
