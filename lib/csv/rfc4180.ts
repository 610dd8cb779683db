/**
 * A small, strict RFC 4180 reader and writer.
 *
 * Strict on purpose: the desk imports figures that end up in a published report,
 * so a malformed file is refused with a line number instead of being "repaired"
 * into something the editor never meant. The writer is the mirror image, so
 * anything we export parses back to exactly the same cells.
 */

export type ParseCsvResult = { ok: true; rows: string[][] } | { ok: false; message: string; line?: number };

const BOM = "\uFEFF";

/**
 * Parses CSV text into rows of cells.
 *
 * - One leading UTF-8 BOM is stripped (Excel writes one when saving "CSV UTF-8").
 * - CRLF, LF and a lone CR all end a record outside quotes; inside quotes they are data.
 * - A final empty line (the newline after the last record) does not create a row;
 *   other blank lines come back as `[""]` so callers can keep row numbers honest.
 * - Errors carry the 1-based physical line on which the problem starts.
 */
export function parseCsv(text: string): ParseCsvResult {
  const src = text.startsWith(BOM) ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let line = 1;
  let i = 0;
  // `inQuotes` = between the opening and closing quote of a quoted field.
  // `afterQuote` = the closing quote was seen; only a delimiter or line end may follow.
  // `quoted` = the current field began with a quote (so a quote later is not "stray").
  let inQuotes = false;
  let afterQuote = false;
  let quoted = false;
  let quoteLine = 0;

  const endField = () => {
    row.push(field);
    field = "";
    afterQuote = false;
    quoted = false;
  };
  const endRecord = () => {
    endField();
    rows.push(row);
    row = [];
  };

  while (i < src.length) {
    const ch = src[i]!;
    if (inQuotes) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
        afterQuote = true;
        i += 1;
        continue;
      }
      if (ch === "\n" || (ch === "\r" && src[i + 1] !== "\n")) line += 1;
      field += ch;
      i += 1;
      continue;
    }

    if (ch === ",") {
      endField();
      i += 1;
      continue;
    }
    if (ch === "\r" || ch === "\n") {
      endRecord();
      i += ch === "\r" && src[i + 1] === "\n" ? 2 : 1;
      line += 1;
      continue;
    }
    if (afterQuote) {
      return { ok: false, message: `unexpected character after a closing quote on line ${line}`, line };
    }
    if (ch === '"') {
      if (field !== "" || quoted) {
        // RFC 4180: a quote may only appear in a field that is enclosed in quotes.
        return {
          ok: false,
          message: `stray quote inside an unquoted field on line ${line} (wrap the field in quotes and double the quote)`,
          line,
        };
      }
      inQuotes = true;
      quoted = true;
      quoteLine = line;
      i += 1;
      continue;
    }
    field += ch;
    i += 1;
  }

  if (inQuotes) {
    return { ok: false, message: `unterminated quoted field starting on line ${quoteLine}`, line: quoteLine };
  }
  // Text that ends with a newline has already flushed its last record; only flush
  // when something (even an empty quoted field or a trailing comma) is pending.
  if (field !== "" || row.length > 0 || quoted) endRecord();
  return { ok: true, rows };
}

/**
 * Writes a plain decimal for a finite number. `String(n)` switches to exponent
 * notation below 1e-6 and above 1e21, which spreadsheets and our own import would
 * read differently; we expand the shortest round-trip digits instead.
 */
export function formatPlainNumber(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`cannot write a non-finite number (${n}) to CSV`);
  if (Object.is(n, -0)) return "0";
  const s = String(n);
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const [, sign, lead, frac = "", expText] = m;
  const digits = `${lead}${frac}`;
  // Position of the decimal point relative to the start of `digits`.
  const point = 1 + Number(expText);
  if (point <= 0) return `${sign}0.${"0".repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${"0".repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

const NEEDS_QUOTES = /[",\r\n]/;

function formatCell(cell: string | number | null): string {
  if (cell === null) return "";
  const text = typeof cell === "number" ? formatPlainNumber(cell) : cell;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Serialises rows as RFC 4180 CSV with CRLF line endings (the RFC's own choice,
 * and what Excel expects). Every record, including the last, ends with CRLF.
 */
export function toCsv(rows: (string | number | null)[][]): string {
  return rows.map((r) => r.map(formatCell).join(",") + "\r\n").join("");
}
