/**
 * CSV text as Excel, WPS and LibreOffice write it (RFC 4180), read into rows of fields: pure, for the recusal list a
 * committee gives the CLI and for the tests that read LibreOffice's CSV of a computed sheet.
 */
/**
 * CSV rows as Excel and WPS write them (RFC 4180): a field holding a comma, quote or line break is quoted and its
 * quotes doubled. An unquoted field is taken as it is.
 */
export function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (ch === '"' && field.trim() === '') {
      field = '';
      quoted = true;
    } else if (ch === ',') endField();
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endField();
      rows.push(row);
      row = [];
    } else field += ch;
  }
  if (field !== '' || row.length) {
    endField();
    rows.push(row);
  }
  return rows;
}
