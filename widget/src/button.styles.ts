import { css } from "lit";

/** The one button look of both components (each sets `--_accent` and `--_radius` on its host). */
export const buttonStyles = css`
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
`;
