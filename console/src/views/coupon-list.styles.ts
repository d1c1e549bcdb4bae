import { css } from "lit";

/**
 * The list is a real table (its header names every cell for screen readers), laid out as a grid so each
 * coupon's actions sit on a line of their own under it; below 48rem each row becomes a card.
 */
export const styles = css`
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem 1rem;
  }
  .filters .field {
    width: min(13rem, calc(50% - 0.5rem));
  }
  thead tr,
  tbody tr {
    display: grid;
    grid-template-columns: minmax(0, 2.4fr) minmax(0, 0.9fr) 7.5rem minmax(0, 1.1fr) minmax(0, 1.3fr);
    border-bottom: 1px solid #e8eaee;
  }
  tbody tr:last-child {
    border-bottom: none;
  }
  th,
  td {
    border: none;
  }
  th.actions-h {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
  }
  td.actions {
    grid-column: 1 / -1;
    padding-top: 0;
  }
  .name {
    font-weight: 650;
  }
  .name:focus {
    outline: none;
    text-decoration: underline;
  }
  .summary {
    display: block;
    color: var(--_muted);
    font-size: 0.8125rem;
    margin-top: 0.125rem;
  }
  .code {
    font-weight: 650;
    letter-spacing: 0.03em;
    overflow-wrap: anywhere;
  }
  .copy {
    min-height: 1.5rem;
    padding: 0 0.25rem;
    font-size: 0.8125rem;
  }
  /* A campaign's download sits under its count, aligned with it. */
  .codes .copy {
    display: block;
    padding-left: 0;
  }
  .muted {
    color: var(--_muted);
  }
  .when {
    font-size: 0.875rem;
  }
  .when span {
    display: block;
    color: var(--_muted);
    font-size: 0.8125rem;
  }
  .actions .row {
    gap: 0.375rem;
  }
  .danger-text {
    color: var(--_danger);
  }
  .pager {
    justify-content: flex-end;
    margin-top: 0.75rem;
  }
  @media (max-width: 48rem) {
    thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
    }
    table,
    tbody,
    tbody tr,
    td {
      display: block;
    }
    tbody tr {
      padding: 0.875rem 1rem;
    }
    td {
      padding: 0.125rem 0;
    }
    td[data-label] {
      display: flex;
      gap: 0.5rem;
      font-size: 0.875rem;
    }
    td[data-label]::before {
      content: attr(data-label);
      color: var(--_muted);
      min-width: 4.5rem;
    }
    td.no-code {
      display: none;
    }
    .when span {
      display: inline;
      color: inherit;
      font-size: inherit;
    }
    td.actions {
      padding-top: 0.625rem;
    }
  }
`;
