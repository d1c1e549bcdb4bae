import { css } from "./css.js";

/** `--coupon-list-*` over the widget-wide `--coupon-widget-*`, over AA-contrast defaults. */
export const styles = css`
  :host {
    --_accent: var(--coupon-list-accent, var(--coupon-widget-accent, #1d4ed8));
    --_error: var(--coupon-list-error, var(--coupon-widget-error, #b91c1c));
    --_ok: var(--coupon-list-success, var(--coupon-widget-success, #166534));
    --_radius: var(--coupon-list-radius, var(--coupon-widget-radius, 6px));
    --_surface: var(--coupon-list-surface, var(--coupon-widget-surface, #f8fafc));
    display: block;
    font-family: var(--coupon-list-font, var(--coupon-widget-font, inherit));
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.5rem;
  }
  .item {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
    padding: 0.75rem 1rem;
    background: var(--_surface);
    border: 1px solid #e2e8f0;
    border-left: 4px solid var(--_accent);
    border-radius: var(--_radius);
  }
  .info {
    flex: 1 1 14rem;
    display: grid;
    gap: 0.125rem;
  }
  .discount {
    font-weight: 700;
    font-size: 1.125rem;
    color: var(--_accent);
  }
  .details,
  .reason,
  .notice,
  .empty {
    font-size: 0.8125rem;
    color: #4b5563;
  }
  .notice,
  .empty {
    margin: 0 0 0.5rem;
  }
  .reason {
    max-width: 14rem;
  }
  button {
    white-space: nowrap;
  }
  .done {
    background: #fff;
    color: var(--_ok);
    border-color: var(--_ok);
    cursor: default;
  }
  [part="retry-button"] {
    margin-top: 0.5rem;
  }
  .message {
    margin-top: 0.5rem;
    font-size: 0.875rem;
  }
  .message:empty {
    margin: 0;
  }
  .error {
    color: var(--_error);
  }
`;
