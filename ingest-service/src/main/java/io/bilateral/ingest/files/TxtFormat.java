package io.bilateral.ingest.files;

import io.bilateral.ingest.article.ArticleDraft;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Plain-text articles, one per file:
 * <ul>
 *   <li>the first non-empty line is the title and the rest, from the next non-empty line on, is the body;</li>
 *   <li>a file with a single non-empty line has no title: that line is the body (an article pasted as one paragraph
 *       has no headline, and making its whole text the title would exceed the title limit);</li>
 *   <li>a first line that is only a date ({@code Dec 05, 2021 12:11 UTC}) is the publication time, and the title is
 *       the next non-empty line;</li>
 *   <li>list bullets in front of the title ({@code  • Headline}) are dropped.</li>
 * </ul>
 * Line breaks inside the body are kept (as {@code \n}): paragraphs matter to sentence splitting downstream.
 */
public final class TxtFormat implements ArticleFileFormat {

    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");
    private static final Pattern LEADING_BULLETS =
            Pattern.compile("^[\\s\u2022\u00B7\u25AA\u25E6\u2023\u25CF\u25A0*]+");

    @Override
    public List<FileItem> parse(String location, String text) {
        String[] lines = LINE_BREAK.split(text, -1);
        int first = nextNonBlank(lines, 0);
        String published = null;
        if (first < lines.length) {
            Optional<Instant> dateline = Datelines.parse(lines[first]);
            if (dateline.isPresent()) {
                published = dateline.get().toString();
                first = nextNonBlank(lines, first + 1);
            }
        }
        String title;
        String body;
        if (first >= lines.length) {
            title = "";
            body = "";
        } else {
            int rest = nextNonBlank(lines, first + 1);
            if (rest >= lines.length) {
                title = "";
                body = lines[first].strip();
            } else {
                title = LEADING_BULLETS.matcher(lines[first]).replaceFirst("").strip();
                body = String.join("\n", Arrays.asList(lines).subList(rest, lines.length))
                        .strip();
            }
        }
        // An empty file still yields a draft, so validation reports "body: must not be empty" instead of skipping it.
        return List.of(new FileItem.Draft(location, ArticleDraft.of(title, body).withPublished(published)));
    }

    private static int nextNonBlank(String[] lines, int from) {
        int i = from;
        while (i < lines.length && lines[i].isBlank()) {
            i++;
        }
        return i;
    }
}
