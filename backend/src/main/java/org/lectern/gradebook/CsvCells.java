package org.lectern.gradebook;

/**
 * Keeps text cells of exported CSV from running as spreadsheet formulas (CSV injection): a cell that
 * starts with {@code = + - @}, a tab or a carriage return gets a leading apostrophe, which
 * spreadsheets show as text. Apply it to text anyone can type (names, e-mails, item keys, reasons),
 * not to numbers the export formats itself: a negative number would turn into text.
 */
public final class CsvCells {

    private CsvCells() {
    }

    /** The cell as written, neutralised if it could start a formula; null becomes empty. */
    public static String safe(String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";
        }
        return switch (cell.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + cell;
            default -> cell;
        };
    }
}
