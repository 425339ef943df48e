package org.imagelabeler.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.wicket.util.string.Strings;

/** What a browser shows of a page's table: the rows of its body, each as its cells' texts. */
public final class RenderedTable {

    private RenderedTable() {}

    public static List<List<String>> rows(String html) {
        int start = html.indexOf("<tbody>");
        int end = html.indexOf("</tbody>");
        if (start < 0) {
            throw new AssertionError("no table rendered");
        }
        String body = html.substring(start, end);
        List<List<String>> rows = new ArrayList<>();
        Matcher row = Pattern.compile("<tr[^>]*>(.*?)</tr>", Pattern.DOTALL).matcher(body);
        while (row.find()) {
            List<String> cells = new ArrayList<>();
            Matcher cell =
                    Pattern.compile("<td[^>]*>(.*?)</td>", Pattern.DOTALL).matcher(row.group(1));
            while (cell.find()) {
                cells.add(text(cell.group(1)));
            }
            rows.add(cells);
        }
        return rows;
    }

    /** The visible text of an HTML fragment: tags removed, entities decoded, blanks collapsed. */
    public static String text(String html) {
        String noTags = html.replaceAll("<[^>]*>", "");
        return Strings.unescapeMarkup(noTags).toString().replaceAll("\\s+", " ").trim();
    }
}
