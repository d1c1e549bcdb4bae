import { css, html, nothing } from "lit";
import { query, state } from "lit/decorators.js";
import { ApiProblem } from "../api.js";
import { ConsoleElement } from "../base.js";
import type { WebhookDelivery, WebhookEndpoint, WebhookEventType } from "../contract.js";
import { formatDateTime } from "../format.js";
import { shared } from "../shared.styles.js";

/**
 * The shop's webhook endpoints (`/v1/webhook-endpoints`): add one for chosen events (its signing secret
 * shown once), see an endpoint's recent deliveries and retry one, remove an endpoint after a confirmation.
 */
export class WebhooksView extends ConsoleElement {
  static override styles = [
    shared,
    css`
      fieldset {
        border: 1px solid var(--_border);
        border-radius: 6px;
        padding: 0.5rem 0.75rem 0.75rem;
        margin: 0 0 0.75rem;
        min-width: 0;
      }
      legend {
        font-weight: 650;
        padding: 0 0.25rem;
      }
      .events {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr));
        gap: 0.25rem 1rem;
      }
      .events label {
        display: flex;
        gap: 0.5rem;
        align-items: center;
        font-weight: 400;
        min-height: 2rem;
      }
      .events input {
        width: 1.125rem;
        height: 1.125rem;
        min-height: 0;
        margin: 0;
        padding: 0;
        flex: none;
        accent-color: var(--_accent);
      }
      .danger-text {
        color: var(--_danger);
      }
      .endpoints {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.75rem;
      }
      .endpoint .row {
        justify-content: space-between;
      }
      .endpoint .url {
        overflow-wrap: anywhere;
        font-weight: 650;
      }
      .secret {
        background: #ecfdf3;
        border: 1px solid #abefc6;
        border-radius: 6px;
        padding: 0.75rem;
        margin: 0.75rem 0;
      }
    `,
  ];

  @state() private _endpoints?: WebhookEndpoint[];
  @state() private _events = new Set<WebhookEventType>(["coupon.created"]);
  @state() private _errors: { url?: string; events?: string; list?: string } = {};
  @state() private _secret = "";
  @state() private _open = "";
  @state() private _deliveries: WebhookDelivery[] = [];
  @state() private _message = "";
  @state() private _remove: WebhookEndpoint | null = null;
  @query("#url") private _url!: HTMLInputElement;
  @query("dialog") private _dialog!: HTMLDialogElement;

  override connectedCallback(): void {
    super.connectedCallback();
    void this._load();
  }

  private async _load() {
    try {
      this._endpoints = (await this.client.listEndpoints()).data;
    } catch (e) {
      this._errors = { list: this.problemText(e) };
    }
  }

  private async _add(e: Event) {
    e.preventDefault();
    this._errors = {};
    this._secret = "";
    try {
      const { webhook_endpoint } = await this.client.createEndpoint(this._url.value.trim(), [...this._events]);
      this._secret = webhook_endpoint.secret;
      this._url.value = "";
      await this._load();
    } catch (err) {
      const p = err instanceof ApiProblem ? err : null;
      const of = (field: string) => p?.errors.find((x) => x.path?.startsWith(field))?.message;
      const cap = (m?: string) => (m ? m.charAt(0).toUpperCase() + m.slice(1) : undefined);
      this._errors = p?.errors.length ? { url: cap(of("url")), events: cap(of("events")) } : { url: this.problemText(err) };
      if (!this._errors.url && !this._errors.events) this._errors = { url: p?.detail || this.problemText(err) };
      (this._errors.url ? this._url : (this.renderRoot.querySelector(".events input") as HTMLInputElement | null))?.focus();
    }
  }

  private async _toggle(ep: WebhookEndpoint) {
    this._message = "";
    if (this._open === ep.id) {
      this._open = "";
      return;
    }
    this._open = ep.id;
    this._deliveries = [];
    try {
      this._deliveries = (await this.client.deliveries(ep.id)).data;
    } catch (e) {
      this._message = this.problemText(e);
    }
  }

  private async _retry(d: WebhookDelivery) {
    try {
      await this.client.retryDelivery(d.id);
      this._message = this.t.webhooks.retried;
      this._deliveries = (await this.client.deliveries(d.endpoint_id)).data;
    } catch (e) {
      this._message = this.problemText(e);
    }
  }

  private async _confirmRemove() {
    const ep = this._remove;
    this._dialog.close();
    if (!ep) return;
    try {
      await this.client.deleteEndpoint(ep.id);
      if (this._open === ep.id) this._open = "";
      await this._load();
    } catch (e) {
      this._errors = { list: this.problemText(e) };
    }
  }

  private _deliveriesTable(ep: WebhookEndpoint) {
    const w = this.t.webhooks;
    if (!this._deliveries.length) return html`<p class="hint">${w.noDeliveries}</p>`;
    return html`<div class="table-wrap scroll-x" tabindex="0" role="region" aria-label=${w.deliveries(ep.url)}><table>
      <thead><tr><th scope="col">${this.t.audit.when}</th><th scope="col">${w.event}</th><th scope="col">${this.t.records.state}</th><th scope="col"><span class="sr-only">${this.t.list.colActions}</span></th></tr></thead>
      <tbody>${this._deliveries.map(
        (d) => html`<tr>
        <td>${formatDateTime(d.created_at)}</td>
        <td>${w.types[d.type]}</td>
        <td><span class="tag">${w.status[d.status]}</span> <span class="hint">${w.attempts(d.attempts, d.last_status_code, d.last_error)}</span></td>
        <td>${d.status === "succeeded" ? nothing : html`<button class="small" @click=${() => this._retry(d)}>${w.retry}</button>`}</td>
      </tr>`,
      )}</tbody>
    </table></div>`;
  }

  protected override render() {
    const w = this.t.webhooks;
    const types = Object.keys(w.types) as WebhookEventType[];
    return html`<div class="head"><div><h1 tabindex="-1">${w.heading}</h1><p class="sub">${w.intro}</p></div></div>
      <form class="card" novalidate @submit=${this._add}>
        <div class="field">
          <label for="url">${w.url}</label>
          <input id="url" inputmode="url" spellcheck="false" placeholder="https://example.com/hooks" aria-describedby="url-hint url-error" aria-invalid=${this._errors.url ? "true" : "false"} />
          <p class="hint" id="url-hint">${w.urlHint}</p>
          <p class="error" id="url-error">${this._errors.url ?? ""}</p>
        </div>
        <fieldset aria-describedby="events-error">
          <legend>${w.events}</legend>
          <div class="events">${types.map(
            (t) =>
              html`<label><input type="checkbox" .checked=${this._events.has(t)} @change=${(e: Event) => {
                const next = new Set(this._events);
                if ((e.target as HTMLInputElement).checked) next.add(t);
                else next.delete(t);
                this._events = next;
              }} />${w.types[t]}</label>`,
          )}</div>
          <p class="error" id="events-error">${this._errors.events ?? ""}</p>
        </fieldset>
        <button class="primary" type="submit">${w.add}</button>
        ${
          this._secret
            ? html`<div class="secret" role="status">
              <label for="secret">${w.newSecret}</label>
              <input id="secret" class="mono" readonly .value=${this._secret} aria-describedby="secret-note" />
              <p class="hint" id="secret-note">${w.newSecretNote}</p>
            </div>`
            : nothing
        }
      </form>
      <p class="error" role="alert">${this._errors.list ?? ""}</p>
      <p class="ok" role="status">${this._message}</p>
      ${
        !this._endpoints
          ? html`<p>${this.t.loading}</p>`
          : this._endpoints.length === 0
            ? html`<div class="card empty"><p>${w.empty}</p></div>`
            : html`<ul class="endpoints">${this._endpoints.map(
                (ep) => html`<li class="card endpoint">
              <div class="row">
                <span class="url mono" id="ep-${ep.id}">${ep.url}</span>
                <div class="row">
                  <button class="small" aria-expanded=${this._open === ep.id ? "true" : "false"} aria-describedby="ep-${ep.id}" @click=${() => this._toggle(ep)}>${w.showDeliveries}</button>
                  <button class="small danger-text" aria-label=${w.removeOf(ep.url)} @click=${() => {
                    this._remove = ep;
                    this._dialog.showModal();
                  }}>${w.remove}</button>
                </div>
              </div>
              <p class="hint">${ep.events.map((t) => w.types[t]).join(" · ")}</p>
              ${this._open === ep.id ? this._deliveriesTable(ep) : nothing}
            </li>`,
              )}</ul>`
      }
      <dialog aria-labelledby="remove-title" aria-describedby="remove-text" @close=${() => (this._remove = null)}>
        ${
          this._remove
            ? html`<h2 id="remove-title">${w.confirmRemove(this._remove.url)}</h2>
              <p id="remove-text">${w.confirmRemoveText}</p>
              <div class="row"><button autofocus @click=${() => this._dialog.close()}>${this.t.cancel}</button>
                <button class="danger" @click=${this._confirmRemove}>${w.remove}</button></div>`
            : nothing
        }
      </dialog>`;
  }
}
