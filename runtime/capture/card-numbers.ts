/**
 * Payment card numbers in recorded text: a run of 13 to 19 digits (spaces or
 * dashes between them allowed) that passes the Luhn check keeps its last four
 * digits and has the others replaced by `*`, so `4242 4242 4242 4242` is
 * recorded as `**** **** **** 4242`. Digit runs that fail the check (order
 * numbers, timestamps) are left alone.
 */

const CANDIDATE = /\d(?:[ -]?\d){12,18}/g;
/** A cheap test first: most strings have no 13 digits in a row at all. */
const HAS_LONG_DIGIT_RUN = /\d[ -]?\d[ -]?\d[ -]?\d[ -]?\d[ -]?\d[ -]?\d[ -]?\d[ -]?\d/;

export function maskCardNumbers(text: string): string {
  if (text.length < 13 || !HAS_LONG_DIGIT_RUN.test(text)) return text;
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
