/* Folder runtime/redaction/: What must never be recorded: redacted keys and masked card numbers.
 */
/**
 * Payment card numbers in recorded text: a run of 13 to 19 digits (spaces or
 * dashes between them allowed) that passes the Luhn check keeps its last four
 * digits and has the others replaced by `*`, so `4242 4242 4242 4242` is
 * recorded as `**** **** **** 4242`. Digit runs that fail the check (order
 * numbers, timestamps) are left alone.
 */

const CANDIDATE = /\d(?:[ -]?\d){12,18}/g;

/** The most text a card number takes: 19 digits with a separator between each two. */
const LONGEST_CARD = 37;

/**
 * `text` with card numbers masked, looking only as far as its first `limit`
 * characters are concerned: the caller keeps no more than that, so a 1 MB
 * string costs what `limit` allows, not its length. A number that crosses
 * the cut lies wholly inside the window and is masked whole.
 */
export function maskCardNumbers(text: string, limit = text.length): string {
  const end = Math.max(0, limit) + LONGEST_CARD; // a budget already spent must not slice from the end
  return maskWhole(text.length > end ? text.slice(0, end) : text);
}

function maskWhole(text: string): string {
  if (text.length < 13 || !hasLongDigitRun(text)) return text;
  return text.replace(CANDIDATE, (run, offset: number) =>
    isStandalone(text, offset, run.length) && luhnValid(digitsOf(run)) ? mask(run) : run,
  );
}

/** A number value (`4242424242424242`) is masked like its decimal text. */
export function maskCardNumber(value: number): number | string {
  if (!Number.isSafeInteger(value) || value < 1e12) return value;
  const text = String(value);
  return text.length <= 19 && luhnValid(text) ? mask(text) : value;
}

/**
 * A cheap test first: is there a run of 13 digits (spaces and dashes
 * between allowed)? Such a run covers every 13th position, so the scan looks
 * at every 13th character and reads around it only when it is a digit or a
 * separator: text without digits costs length/13 reads. It may say yes to
 * runs the exact pattern below then rejects; never no to a card number.
 */
function hasLongDigitRun(text: string): boolean {
  const n = text.length;
  let p = 12;
  while (p < n) {
    if (!isDigitOrSeparator(text.charCodeAt(p))) {
      p += 13;
      continue;
    }
    let start = p;
    while (start > 0 && isDigitOrSeparator(text.charCodeAt(start - 1))) start--;
    let digits = 0;
    let i = start;
    for (; i < n && isDigitOrSeparator(text.charCodeAt(i)); i++) {
      if (text.charCodeAt(i) <= 57 && text.charCodeAt(i) >= 48) digits++;
    }
    if (digits >= 13) return true;
    p = i + 13;
  }
  return false;
}

function isDigitOrSeparator(c: number): boolean {
  return (c >= 48 && c <= 57) || c === 32 || c === 45;
}

export function luhnValid(digits: string): boolean {
  if (digits.length < 13 || digits.length > 19) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** Part of a longer digit run (an id of 25 digits) is not a card number. */
function isStandalone(text: string, offset: number, length: number): boolean {
  const isDigit = (i: number) => i >= 0 && i < text.length && /\d/.test(text[i]);
  return !isDigit(offset - 1) && !isDigit(offset + length);
}

function digitsOf(run: string): string {
  return run.replace(/[ -]/g, "");
}

function mask(run: string): string {
  let keep = 4;
  let out = "";
  for (let i = run.length - 1; i >= 0; i--) {
    const c = run[i];
    if (c === " " || c === "-") out = c + out;
    else out = (keep-- > 0 ? c : "*") + out;
  }
  return out;
}
