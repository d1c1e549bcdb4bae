import { css } from "lit";

export const styles = css`
  :host {
    min-height: 100vh;
    background: var(--_bg);
  }
  .boot {
    padding: 2rem;
    color: var(--_muted);
  }
  .skip {
    position: absolute;
    left: 0.5rem;
    top: -3rem;
    background: var(--_surface);
    padding: 0.5rem 0.75rem;
    border-radius: 6px;
    z-index: 10;
  }
  .skip:focus {
    top: 0.5rem;
  }
  .top {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 0.75rem;
    padding: 0.625rem 1.25rem;
    background: #111827;
    color: #fff;
  }
  .top button {
    background: transparent;
    color: #fff;
    border-color: #4b5563;
  }
  .top button:hover {
    background: #1f2937;
  }
  .brand {
    display: flex;
    align-items: center;
    gap: 0.625rem;
    min-width: 0;
  }
  .mark {
    display: grid;
    place-items: center;
    width: 1.75rem;
    height: 1.75rem;
    border-radius: 6px;
    background: var(--_accent);
    font-weight: 800;
    flex: none;
  }
  .shop-name {
    font-weight: 650;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .badge.test {
    background: #fef3c7;
    color: #78350f;
  }
  .clock {
    margin: 0;
    padding: 0.375rem 1.25rem;
    background: #fef3c7;
    color: #78350f;
    font-size: 0.875rem;
  }
  .frame {
    display: grid;
    grid-template-columns: 13.5rem minmax(0, 1fr);
    align-items: start;
  }
  nav {
    position: sticky;
    top: 0;
    padding: 1rem 0.75rem;
  }
  nav ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.125rem;
  }
  nav a {
    display: block;
    padding: 0.5rem 0.75rem;
    border-radius: 6px;
    color: var(--_text);
    text-decoration: none;
    font-weight: 550;
  }
  nav a:hover {
    background: #e8eaee;
  }
  nav a[aria-current="page"] {
    background: var(--_surface);
    color: var(--_accent);
    box-shadow: inset 3px 0 0 var(--_accent), 0 1px 2px rgb(0 0 0 / 0.06);
  }
  main {
    padding: 1.5rem 1.75rem 3rem;
    max-width: 76rem;
    min-width: 0;
  }
  main:focus {
    outline: none;
  }
  .menu {
    display: none;
  }
  .top .row {
    flex-wrap: nowrap;
    gap: 0.375rem;
  }
  @media (max-width: 52rem) {
    .menu {
      display: inline-flex;
    }

    .top {
      padding: 0.5rem 0.75rem;
    }
    .mark {
      display: none;
    }
    .frame {
      grid-template-columns: minmax(0, 1fr);
    }
    nav {
      display: none;
      position: static;
      background: var(--_surface);
      border-bottom: 1px solid var(--_border);
      padding: 0.5rem;
    }
    nav.open {
      display: block;
    }
    main {
      padding: 1rem 1rem 2.5rem;
    }
  }
`;
