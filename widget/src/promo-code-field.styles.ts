import { css } from "./css.js";

/**
 * Two tiers of custom properties, as material-web does: `--promo-code-field-*` over the widget-wide
 * `--coupon-widget-*`, over defaults that pass WCAG AA contrast on white.
 */
export const styles = css`
  :host {
    --_accent: var(--promo-code-field-accent, var(--coupon-widget-accent, #1d4ed8));
    --_error: var(--promo-code-field-error, var(--coupon-widget-error, #b91c1c));
    --_ok: var(--promo-code-field-success, var(--coupon-widget-success, #166534));
    --_radius: var(--promo-code-field-radius, var(--coupon-widget-radius, 6px));
    display: block;
    font-family: var(--promo-code-field-font, var(--coupon-widget-font, inherit));
  }
  .off {
    opacity: 0.6;
  }
  [part="label"] {
    display: block;
    font-weight: 600;
    margin-bottom: 0.25rem;
  }
  .row {
    display: flex;
    gap: 0.5rem;
    align-items: center;
  }
  input {
    flex: 1;
    min-width: 0;
    font: inherit;
    padding: 0.5rem 0.75rem;
    border: 1px solid #6b7280;
    border-radius: var(--_radius);
    background: #fff;
    color: inherit;
  }
  input:not(:placeholder-shown) {
    text-transform: uppercase;
  }
  input[aria-invalid="true"] {
    border-color: var(--_error);
    box-shadow: inset 0 0 0 1px var(--_error);
  }
  .code {
    flex: 1;
    font-family: ui-monospace, monospace;
    font-weight: 700;
    letter-spacing: 0.05em;
    padding: 0.5rem 0.75rem;
    border: 1px dashed var(--_ok);
    border-radius: var(--_radius);
    color: var(--_ok);
    background: #f0fdf4;
  }
  .message {
    margin-top: 0.375rem;
    font-size: 0.875rem;
    min-height: 1.25em;
  }
  .applied .message {
    color: var(--_ok);
  }
  .rejected .message,
  .error .message {
    color: var(--_error);
  }
  [part="retry-button"],
  [part="choice-button"] {
    margin-top: 0.375rem;
  }
`;
