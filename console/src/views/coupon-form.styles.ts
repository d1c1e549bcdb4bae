import { css } from "lit";

export const styles = css`
  form {
    display: grid;
    grid-template-columns: minmax(0, 1fr) 19rem;
    gap: 1rem;
    align-items: start;
  }
  .sections .card {
    display: grid;
    gap: 1rem;
  }
  .sections h2 {
    margin: 0;
  }
  .note {
    padding: 0.625rem 0.875rem;
    border-radius: 6px;
    background: var(--_accent-soft);
    border: 1px solid #c7d7fe;
    font-size: 0.875rem;
  }
  .code-prefix {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    color: var(--_text);
    letter-spacing: 0.04em;
  }
  .code-row {
    display: flex;
    gap: 0.5rem;
  }
  .code-row .affix {
    flex: 1;
  }
  #code {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    letter-spacing: 0.04em;
    text-transform: uppercase;
  }
  .code-status:empty {
    display: none;
  }
  .bad {
    color: var(--_danger);
  }
  .summary {
    position: sticky;
    top: 1rem;
    display: grid;
    gap: 1rem;
  }
  .words {
    border-bottom: 1px solid var(--_border);
    padding-bottom: 1rem;
  }
  .words h2 {
    font-size: 0.875rem;
    margin-bottom: 0.375rem;
  }
  .words p {
    margin: 0 0 0.25rem;
    font-size: 0.875rem;
  }
  .spend {
    display: grid;
    gap: 0.25rem;
  }
  output {
    font-size: 1.75rem;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
    letter-spacing: -0.01em;
  }
  .addons {
    border-top: 1px solid var(--_border);
    padding-top: 1rem;
  }
  .addons ul {
    margin: 0.5rem 0 0;
    padding-left: 1.125rem;
  }
  .actions {
    gap: 0.75rem;
  }
  .actions .primary {
    flex: 1;
  }
  @media (max-width: 64rem) {
    form {
      grid-template-columns: minmax(0, 1fr);
    }
    .summary {
      position: static;
    }
  }
`;
