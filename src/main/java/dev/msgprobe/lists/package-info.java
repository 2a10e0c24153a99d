/** Test lists: Citizen Lab CSV and URI-per-line loaders, validation with FILE:LINE errors, the built-in lists. */
package dev.msgprobe.lists;
