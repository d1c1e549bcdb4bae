import { css } from "lit";

/**
 * The console's look, shared by every view: calm neutrals, one accent, AA contrast throughout. Theming:
 * `--ec-*` custom properties (an embedding marketplace sets them on any ancestor).
 */
export const shared = css`
  :host {
    --_accent: var(--ec-accent, #1d4ed8);
    --_accent-soft: var(--ec-accent-soft, #eff4ff);
    --_text: var(--ec-text, #111827);
    --_muted: var(--ec-muted, #4b5563);
    --_border: var(--ec-border, #d9dde3);
    --_surface: var(--ec-surface, #ffffff);
    --_bg: var(--ec-bg, #f4f5f7);
    --_danger: var(--ec-danger, #b42318);
    --_ok: var(--ec-ok, #116932);
    --_radius: var(--ec-radius, 8px);
    display: block;
    color: var(--_text);
    font: inherit;
    font-family: var(--ec-font, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif);
  }
  *, *::before, *::after {
    box-sizing: border-box;
  }
  h1 {
    font-size: 1.5rem;
    line-height: 1.25;
    margin: 0;
    font-weight: 650;
    letter-spacing: -0.01em;
  }
  h1:focus {
    outline: none;
  }
  h2 {
    font-size: 1rem;
    margin: 0 0 0.75rem;
    font-weight: 650;
  }
  p {
    margin: 0 0 0.75rem;
  }
  a {
    color: var(--_accent);
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.75rem 1rem;
    margin-bottom: 1.25rem;
  }
  .sub {
    color: var(--_muted);
    margin: 0.25rem 0 0;
  }
  .card {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 1.25rem;
    margin-bottom: 1rem;
  }
  button,
  .button {
    font: inherit;
    font-weight: 550;
    font-size: 0.9375rem;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.375rem;
    min-height: 2.5rem;
    padding: 0.5rem 1rem;
    border-radius: 6px;
    border: 1px solid var(--_border);
    background: var(--_surface);
    color: var(--_text);
    cursor: pointer;
    text-decoration: none;
    white-space: nowrap;
  }
  button:hover {
    background: #f3f4f6;
  }
  button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: #fff;
  }
  button.primary:hover {
    background: #1e40af;
  }
  button.danger {
    background: var(--_danger);
    border-color: var(--_danger);
    color: #fff;
  }
  button.small {
    min-height: 2rem;
    padding: 0.25rem 0.625rem;
    font-size: 0.875rem;
  }
  button.link {
    border: none;
    background: none;
    color: var(--_accent);
    padding: 0.25rem 0.375rem;
    min-height: 2rem;
    text-decoration: underline;
  }
  button[disabled],
  button[aria-disabled="true"] {
    opacity: 0.6;
    cursor: not-allowed;
  }
  :focus-visible {
    outline: 3px solid color-mix(in srgb, var(--_accent) 45%, transparent);
    outline-offset: 2px;
  }
  .field {
    display: grid;
    gap: 0.3rem;
    align-content: start;
    min-width: 0;
  }
  label,
  .label {
    font-weight: 600;
    font-size: 0.875rem;
  }
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
    width: 100%;
    min-width: 0;
    min-height: 2.5rem;
    padding: 0.45rem 0.65rem;
    border: 1px solid #b9c0ca;
    border-radius: 6px;
    background: #fff;
  }
  select {
    padding-right: 2rem;
  }
  textarea {
    min-height: 6rem;
    resize: vertical;
  }
  input:disabled,
  select:disabled,
  textarea:disabled {
    background: #f3f4f6;
    color: var(--_muted);
  }
  [aria-invalid="true"] {
    border-color: var(--_danger);
    box-shadow: 0 0 0 1px var(--_danger);
  }
  .hint {
    color: var(--_muted);
    font-size: 0.8125rem;
    margin: 0;
  }
  .error {
    color: var(--_danger);
    font-size: 0.8125rem;
    font-weight: 550;
    margin: 0;
  }
  .error:empty {
    display: none;
  }
  .ok {
    color: var(--_ok);
  }
  .badge {
    display: inline-block;
    padding: 0.125rem 0.5rem;
    border-radius: 999px;
    font-size: 0.75rem;
    font-weight: 650;
    letter-spacing: 0.01em;
    white-space: nowrap;
  }
  .badge.upcoming {
    background: #dbeafe;
    color: #1e3a8a;
  }
  .badge.ongoing {
    background: #dcfce7;
    color: #14532d;
  }
  .badge.ended {
    background: #eceef1;
    color: #374151;
  }
  .badge.deactivated {
    background: #fee4e2;
    color: #7a271a;
  }
  .tag {
    display: inline-block;
    padding: 0 0.375rem;
    border: 1px solid var(--_border);
    border-radius: 4px;
    font-size: 0.75rem;
    color: var(--_muted);
  }
  code,
  .mono {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.875em;
  }
  table {
    width: 100%;
    border-collapse: collapse;
    background: var(--_surface);
  }
  th,
  td {
    text-align: left;
    padding: 0.625rem 0.75rem;
    border-bottom: 1px solid #e8eaee;
    vertical-align: top;
  }
  th {
    font-size: 0.75rem;
    text-transform: uppercase;
    letter-spacing: 0.04em;
    color: var(--_muted);
    font-weight: 650;
    background: #fafbfc;
  }
  td.num,
  th.num {
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
  .table-wrap {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    overflow: hidden;
    background: var(--_surface);
  }
  .scroll-x {
    overflow-x: auto;
  }
  /* A table that scrolls sideways in its own box keeps each value (a date, an id) on one line. */
  .scroll-x table:not(.changes) td { white-space: nowrap; }
  .table-wrap,
  .scroll-x {
    /* Visually hidden (absolutely placed) texts inside stay inside: they never widen the page. */
    position: relative;
  }
  .empty {
    padding: 2rem 1rem;
    text-align: center;
    color: var(--_muted);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }
  /* A field with a fixed part before the value (a currency, a promo code's prefix). */
  .affix {
    display: flex;
    align-items: stretch;
    min-width: 0;
  }
  .prefix {
    display: flex;
    align-items: center;
    padding: 0 0.625rem;
    border: 1px solid #b9c0ca;
    border-right: none;
    border-radius: 6px 0 0 6px;
    background: #f3f4f6;
    color: var(--_muted);
    font-weight: 600;
  }
  .affix input {
    border-radius: 0 6px 6px 0;
  }
  .spaced {
    margin-top: 1rem;
  }
  .grid {
    display: grid;
    gap: 1rem;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 14rem), 1fr));
  }
  .status-line {
    margin: 0.75rem 0;
    font-size: 0.875rem;
  }
  .status-line:empty {
    margin: 0 0 1rem;
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    border: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  dialog {
    border: none;
    border-radius: 12px;
    padding: 1.5rem;
    max-width: min(28rem, calc(100vw - 2rem));
    box-shadow: 0 20px 50px rgb(0 0 0 / 0.25);
    color: var(--_text);
  }
  dialog::backdrop {
    background: rgb(17 24 39 / 0.45);
  }
  dialog h2 {
    font-size: 1.125rem;
  }
  dialog .row {
    justify-content: flex-end;
    margin-top: 1.25rem;
  }
  dl.facts {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.375rem 1rem;
    margin: 0;
  }
  dl.facts dt {
    color: var(--_muted);
  }
  dl.facts dd {
    margin: 0;
    min-width: 0;
    overflow-wrap: anywhere;
  }
`;
