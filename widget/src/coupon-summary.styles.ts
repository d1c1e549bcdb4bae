import { css } from "./css.js";

/** `--coupon-summary-*` over the widget-wide `--coupon-widget-*`, over AA-contrast defaults. */
export const styles = css`
  :host {
    display: block;
    color: var(--coupon-summary-success, var(--coupon-widget-success, #166534));
    font-family: var(--coupon-summary-font, var(--coupon-widget-font, inherit));
  }
  .base {
    display: flex;
    justify-content: space-between;
    gap: 1rem;
  }
  [part="amount"] {
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
`;
