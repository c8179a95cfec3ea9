import { LitElement, html, css } from 'lit';
import { columnBodyRenderer } from '@vaadin/grid/lit.js';
import '@vaadin/grid';
import { JsonRpc } from 'jsonrpc';

/**
 * The open live connections of the running application, listed again every 2 seconds by the server's stream while the
 * page is open.
 */
export class QwcLiveConnections extends LitElement {

    jsonRpc = new JsonRpc(this);

    static styles = css`
        .muted { color: var(--lumo-contrast-50pct); }
        code { font-size: var(--lumo-font-size-s); }
    `;

    static properties = {
        _connections: { state: true }
    };

    connectedCallback() {
        super.connectedCallback();
        this.jsonRpc.getConnections().then(response => this._connections = response.result);
        this._stream = this.jsonRpc.streamConnections().onNext(response => this._connections = response.result);
    }

    disconnectedCallback() {
        if (this._stream) {
            this._stream.cancel();
        }
        super.disconnectedCallback();
    }

    render() {
        if (!this._connections) {
            return html`<p class="muted">Loading connections...</p>`;
        }
        if (this._connections.length === 0) {
            return html`<p class="muted">No open live connection. Open a page with a live component.</p>`;
        }
        return html`
            <vaadin-grid .items="${this._connections}" theme="no-border row-stripes" all-rows-visible>
                <vaadin-grid-column auto-width header="Components" resizable
                    ${columnBodyRenderer(c => html`${c.components.map(m => html`
                        <div><strong>${m.name}</strong> <code class="muted">${m.id}</code></div>`)}`, [])}>
                </vaadin-grid-column>
                <vaadin-grid-column auto-width header="Connected since" resizable
                    ${columnBodyRenderer(c => html`${new Date(c.connectedSince).toLocaleTimeString()}
                        <div class="muted">${c.connection}</div>`, [])}>
                </vaadin-grid-column>
                <vaadin-grid-column auto-width header="Events handled" text-align="end"
                    ${columnBodyRenderer(c => html`${c.eventsHandled}`, [])}>
                </vaadin-grid-column>
                <vaadin-grid-column auto-width header="Sent" text-align="end"
                    ${columnBodyRenderer(c => html`${this._size(c.charactersSent)}`, [])}>
                </vaadin-grid-column>
                <vaadin-grid-column auto-width header="State (approx.)" text-align="end"
                    ${columnBodyRenderer(c => html`${this._size(c.approxStateSize)}
                        <div class="muted" title="The last HTML of its components, kept to send changes only">
                            + ${this._size(c.htmlKept)} HTML</div>`, [])}>
                </vaadin-grid-column>
            </vaadin-grid>`;
    }

    /** Characters of ASCII text are bytes; -1 is a component too busy to be measured this time. */
    _size(characters) {
        if (characters < 0) {
            return 'busy';
        }
        return characters < 10240 ? `${characters} B` : `${(characters / 1024).toFixed(1)} KB`;
    }
}
customElements.define('qwc-live-connections', QwcLiveConnections);
