import { html, nothing, type TemplateResult } from "lit";
import { state } from "lit/decorators.js";
import { ConsoleElement } from "./base.js";
import type { Page } from "./contract.js";

/**
 * A view of one of the API's cursor-paged lists (`{data, next_cursor}`): its first page on connect, "Load
 * more" for the next, and the same four states everywhere: failed (with Retry), loading, empty, rows.
 */
export abstract class PagedView<T> extends ConsoleElement {
  @state() protected _rows?: T[];
  @state() protected _next: string | null = null;
  @state() protected _error = "";

  /** One page of the list, after `cursor` (null: the first). */
  protected abstract fetchPage(cursor: string | null): Promise<Page<T>>;

  /** Called with each page as it arrives (e.g. to look up the names its ids stand for). */
  protected loaded(_page: T[]): void {}

  override connectedCallback(): void {
    super.connectedCallback();
    void this.reload();
  }

  /** The first page again (after a filter changed), or with `more` the next one. */
  protected async reload(more = false): Promise<void> {
    this._error = "";
    try {
      const page = await this.fetchPage(more ? this._next : null);
      this._rows = more ? [...(this._rows ?? []), ...page.data] : page.data;
      this._next = page.next_cursor;
      this.loaded(page.data);
    } catch (e) {
      this._error = this.problemText(e);
    }
  }

  protected renderPaged(empty: string, rows: (rows: T[]) => TemplateResult): TemplateResult {
    const list = this._rows;
    return html`${this._error ? html`<div class="card"><p class="error">${this._error}</p><button @click=${() => this.reload()}>${this.t.retry}</button></div>` : nothing}
      ${
        list === undefined
          ? this._error
            ? nothing
            : html`<p>${this.t.loading}</p>`
          : list.length === 0
            ? html`<p class="card empty">${empty}</p>`
            : html`${rows(list)}${this._next ? html`<p><button @click=${() => this.reload(true)}>${this.t.loadMore}</button></p>` : nothing}`
      }`;
  }
}
