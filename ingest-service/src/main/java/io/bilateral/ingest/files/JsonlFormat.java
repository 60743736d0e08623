package io.bilateral.ingest.files;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.bilateral.ingest.article.ArticleJson;
import io.bilateral.ingest.article.InvalidArticleException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * JSON lines: one article object a line, in the form of {@link ArticleJson}. Each line stands alone: a malformed line
 * becomes an {@link FileItem.Unreadable} at {@code file:line} and the other lines are still read. Blank lines are
 * not articles and are passed over.
 */
public final class JsonlFormat implements ArticleFileFormat {

    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");

    @Override
    public List<FileItem> parse(String location, String text) {
        String[] lines = LINE_BREAK.split(text, -1);
        List<FileItem> items = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String where = location + ":" + (i + 1);
            try {
                items.add(new FileItem.Draft(where, ArticleJson.parse(lines[i])));
            } catch (JsonProcessingException e) {
                items.add(new FileItem.Unreadable(where, ArticleJson.describe(e)));
            } catch (InvalidArticleException e) {
                items.add(new FileItem.Unreadable(where, e.getMessage()));
            }
        }
        return items;
    }
}
