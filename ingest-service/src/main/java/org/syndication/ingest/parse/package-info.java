/**
 * Splitting documents into news items: the parsing heart of the ingest service.
 *
 * <p>{@link org.syndication.ingest.parse.DocumentSplitter} is the entry point (plain text or HTML in, a list of
 * {@link org.syndication.ingest.parse.NewsItemDraft} out, in page order). It works in three steps, each linear in
 * the size of the document:
 * <ol>
 *   <li><b>Lines.</b> Plain text is cleaned and cut into non-blank lines ({@code TextSanitizer}); HTML is read with
 *       jsoup into one line per block, scripts, styles, navigation, page header/footer and captions dropped, links
 *       and headings kept ({@code HtmlLines}); lines a text extraction glued together come apart
 *       ({@code GluedLines}).</li>
 *   <li><b>Item starts.</b> A line starts an item when it begins with a date ({@link
 *       org.syndication.ingest.parse.DateGrammar}) followed by nothing, a separator or a capitalised title; when it is
 *       a dateline (a short place name, then a date); or when a short title ends with its date
 *       ({@code AnchorFinder}, {@code DateLineRest}). A date anywhere else is running text.</li>
 *   <li><b>Layout.</b> Each item takes its title from its start line or a neighbouring line (for a date alone on its
 *       line, the page decides once whether titles follow or precede their dates), derives one from the first sentence
 *       when there is none, and takes the lines up to the next item as its body, without chrome: photo credits,
 *       "more" links, link-list labels, intro and follow-us lines ({@code ListingLayout}, {@code PageChrome},
 *       {@code PhotoCredits}, {@code TitleDeriver}).</li>
 * </ol>
 *
 * <p>HTML is first read by its structure ({@code DomRecordReader}, {@code DomRecord}, {@code DomDates}): the repeated
 * dated record of the DOM gives title, absolute link, date and summary per item; a page without one goes through the
 * three steps above.
 *
 * <p>Known limits: English month names only; a page whose bodies contain lines shaped like item starts (an agenda
 * of "3 March 2019: Opening" lines) is split at those lines; a caption glued to a body without a credit marker is
 * only removed when it is a few capitalised words; datelines without a year ("VIENNA, 14 October (UN Information
 * Service)") do not date an item.
 */
package org.syndication.ingest.parse;
