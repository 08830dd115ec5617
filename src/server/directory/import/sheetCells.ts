/**
 * What the import engine reads from a spreadsheet, whatever the format: rows of cells, each with
 * its text and, when the file stored it as a number (Excel does that to phone numbers typed into a
 * General column), the number — so a lost leading zero or a `4.47E+11` can be explained.
 */
export interface SheetCell {
  text: string;
  /** Set when the file stored a number rather than text. */
  numeric?: number;
}

/** Rows as read, the first being the header row; `row` is the 1-based row number in the file. */
export interface SheetRow {
  row: number;
  cells: SheetCell[];
}

export const textCell = (text: string): SheetCell => ({ text });
