/**
 * The catalogue of verdict evidence sentences: each sentence has a key and arguments, with an English
 * template (the text reports carry, never translated) and a template per display language.
 * {@link dev.msgprobe.evidence.Evidence} formats the English sentence for the analysis;
 * {@link dev.msgprobe.evidence.EvidenceText} shows any stored English sentence in another language by
 * matching it against the English templates. Depends on nothing of ours, so producers and renderers
 * may all use it (docs/design/evidence.md).
 */
package dev.msgprobe.evidence;
