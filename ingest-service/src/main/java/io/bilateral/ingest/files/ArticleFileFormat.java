package io.bilateral.ingest.files;

import java.util.List;

/**
 * One input file format. Formats work on already decoded text, so they are tested without files and without caring
 * about size limits or encodings (see {@link TextFiles}).
 */
public interface ArticleFileFormat {

    /**
     * The articles in {@code text}, in file order.
     *
     * @param location how to name the file in reports (the path as the user gave it)
     */
    List<FileItem> parse(String location, String text);
}
