/**
 * The language of everything msgprobe shows a person (help, errors, progress, the summary, the HTML
 * page) and the one way to its texts: the resource bundle {@code Messages} read through {@link
 * dev.msgprobe.i18n.Texts}. Reports are language-neutral and never go through here.
 */
package dev.msgprobe.i18n;
