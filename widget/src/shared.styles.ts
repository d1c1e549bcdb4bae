import { css } from "./css.js";

/**
 * The controls both components share (each sets `--_accent` and `--_radius` on its host): the button,
 * the quieter white buttons, the busy cursor and the focus ring. Kept in one sheet so the bundle carries
 * them once.
 */
export const sharedStyles = css`
  button {
    font: inherit;
    font-weight: 600;
    padding: 0.5rem 1rem;
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_accent);
    color: #fff;
    cursor: pointer;
  }
  [part="remove-button"],
  [part="retry-button"],
  [part="choice-button"] {
    background: #fff;
    color: var(--_accent);
  }
  button[aria-busy] {
    cursor: progress;
  }
  :focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
`;
