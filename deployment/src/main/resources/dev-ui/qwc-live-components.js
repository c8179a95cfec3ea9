import { LitElement, html, css } from 'lit';
import { columnBodyRenderer } from '@vaadin/grid/lit.js';
import '@vaadin/grid';
import { components } from 'build-time-data';

/**
 * The @Live components of the application as the build saw them: class, template, page route, state fields and
 * handlers with the thread each runs on. Build-time data: nothing is asked of the running application.
 */
export class QwcLiveComponents extends LitElement {

    static styles = css`
        .muted { color: var(--lumo-contrast-50pct); }
        .handler { font-family: monospace; }
        code { font-size: var(--lumo-font-size-s); }
    `;

    render() {
        if (components.length === 0) {
            return html`<p class="muted">No @Live component in this application.</p>`;
        }
        return html`
            <vaadin-grid .items="${components}" theme="no-border row-stripes wrap-cell-content" all-rows-visible>
                <vaadin-grid-column auto-width header="Component" resizable
                    ${columnBodyRenderer(c => html`<strong>${c.name}</strong>
                        <div><code class="muted">${c.className}</code></div>
                        <div><code class="muted">${c.template}</code></div>`, [])}>
                </vaadin-grid-column>
                <vaadin-grid-column auto-width header="Route" resizable
                    ${columnBodyRenderer(c => c.route
                        ? html`<a href="${c.route}" target="_blank">${c.route}</a>`
                        : html`<span class="muted">embedded only</span>`, [])}>
                </vaadin-grid-column>
                <vaadin-grid-column width="24em" flex-grow="2" header="Handlers (execution model)" resizable
                    ${columnBodyRenderer(c => html`${c.handlers.map(h => html`
                        <div class="handler">${h.signature} <span class="muted">${this._model(h.executionModel)}</span></div>`)}`, [])}>
                </vaadin-grid-column>
                <vaadin-grid-column width="12em" flex-grow="1" header="State" resizable
                    ${columnBodyRenderer(c => html`<code>${c.stateFields.join(', ')}</code>`, [])}>
                </vaadin-grid-column>
            </vaadin-grid>`;
    }

    _model(model) {
        return { EVENT_LOOP: 'event loop', WORKER: 'worker thread', VIRTUAL_THREAD: 'virtual thread' }[model] || model;
    }
}
customElements.define('qwc-live-components', QwcLiveComponents);
