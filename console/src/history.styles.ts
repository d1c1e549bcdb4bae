import { css } from "lit";

/** Audit entries, shared by a coupon's History and the shop's operation log. */
export const historyStyles = css`
  ol.entries {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.75rem;
  }
  .entry {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 1rem 1.25rem;
    display: grid;
    gap: 0.625rem;
  }
  .entry-head {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.75rem;
    align-items: baseline;
  }
  .action {
    font-weight: 650;
  }
  .who,
  .at {
    color: var(--_muted);
    font-size: 0.875rem;
  }
  /* Words break only when one alone is wider than its cell (a long id), never mid-word otherwise. */
  table.changes {
    font-size: 0.875rem;
    overflow-wrap: break-word;
    border: 1px solid #e8eaee;
    border-radius: 6px;
  }
  table.changes th[scope="row"] {
    font-weight: 600;
    color: var(--_text);
    width: 30%;
    text-transform: none;
    letter-spacing: 0;
    font-size: 0.875rem;
    background: none;
  }
  @media (max-width: 480px) {
    table.changes th,
    table.changes td {
      padding: 0.5rem;
    }
  }
  dl.facts {
    font-size: 0.875rem;
  }
`;
