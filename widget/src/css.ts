import { unsafeCSS, type CSSResult } from "lit";

/**
 * The tag of the widget's stylesheets, in place of Lit's `css`. Lit's checks each interpolated value at
 * run time and carries the messages for it, about 150 bytes of the 12 KB gzip budget of `/widget.js`.
 * These sheets interpolate nothing, and this signature makes a `${…}` a type error, so their text,
 * written here in the source, is handed to `unsafeCSS` as it is: the same stylesheet, and just as safe.
 */
export const css = (strings: TemplateStringsArray): CSSResult => unsafeCSS(strings[0]);
