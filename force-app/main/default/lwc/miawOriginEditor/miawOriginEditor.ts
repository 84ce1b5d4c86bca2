/*
 * The widget origins of the setup plan: type one, see at once whether it can be used (the engine's origin
 * parser says why not), pick or accept the inferred environment, add or remove it. Each row shows whether the
 * CORS allowlist covers the origin (a widget origin needs no Trusted URL). The editor owns no plan: it reports the new list in an
 * `originschange` event and the parent decides.
 */
import { LightningElement, api } from 'lwc';
import { ORIGIN_ENVIRONMENTS, inferEnvironment, parseOrigin } from 'c/miawReadinessEngine';
import type { OriginEnvironment, WidgetOrigin } from 'c/miawReadinessEngine';

/** Coverage of one origin as the Trusted sites step computed it (trustedSiteFix.originCoverage). */
export interface OriginRowCoverage {
    input: string;
    cors: 'covered' | 'missing' | 'unknown';
    csp: 'covered' | 'missing' | 'unknown';
    corsBy: string[];
    cspBy: string[];
    error: string;
}

const ENVIRONMENT_LABELS: Record<OriginEnvironment, string> = {
    production: 'Production',
    staging: 'Staging',
    preview: 'Preview',
    sandbox: 'Sandbox',
    development: 'Development'
};

const COVERAGE_LABELS = { covered: 'Covered', missing: 'Missing', unknown: 'Not known' } as const;

function coverageClass(state: 'covered' | 'missing' | 'unknown'): string {
    if (state === 'covered') return 'slds-badge slds-theme_success';
    if (state === 'missing') return 'slds-badge slds-theme_error';
    return 'slds-badge';
}

export default class MiawOriginEditor extends LightningElement {
    @api origins: WidgetOrigin[] = [];
    @api coverage: OriginRowCoverage[] = [];
    @api disabled = false;

    draft = '';
    environment: OriginEnvironment = 'production';
    environmentChosen = false;
    error = '';

    get environmentOptions(): { label: string; value: string }[] {
        return ORIGIN_ENVIRONMENTS.map((e) => ({ label: ENVIRONMENT_LABELS[e], value: e }));
    }

    get hasError(): boolean {
        return this.error !== '';
    }

    get environmentHint(): string {
        // No guess about a text that cannot be added anyway: the error is the one thing to read.
        if (this.draft.trim() === '' || this.environmentChosen || this.error !== '') return '';
        return `Environment guessed from the host name: ${ENVIRONMENT_LABELS[this.environment]}. Change it if the guess is wrong.`;
    }

    get hasOrigins(): boolean {
        return (this.origins ?? []).length > 0;
    }

    get rows() {
        const byInput = new Map((this.coverage ?? []).map((c) => [c.input, c]));
        return (this.origins ?? []).map((o) => {
            const c = byInput.get(o.origin);
            const cors = c?.cors ?? 'unknown';
            return {
                key: o.origin,
                origin: o.origin,
                environmentLabel: `${ENVIRONMENT_LABELS[o.environment]}${o.environmentSource === 'inferred' ? ' (guessed)' : ''}`,
                corsLabel: COVERAGE_LABELS[cors],
                corsClass: coverageClass(cors),
                corsTitle: c && c.corsBy.length > 0 ? `Allowed by ${c.corsBy.join(', ')}` : '',
                error: c?.error ?? '',
                removeTitle: `Remove origin ${o.origin}`
            };
        });
    }

    /** The problem with the typed text, or '' when it can be added (an empty box is not a problem yet). */
    validate(text: string): string {
        if (text.trim() === '') return '';
        const parsed = parseOrigin(text);
        if (!parsed.ok) return parsed.error;
        const known = (this.origins ?? []).some((o) => {
            const p = parseOrigin(o.origin);
            return (p.ok ? p.origin.text : o.origin) === parsed.origin.text;
        });
        return known ? `${parsed.origin.text} is already in the plan.` : '';
    }

    handleDraftChange(event: CustomEvent<{ value: string }>): void {
        this.draft = event.detail.value ?? '';
        this.error = this.validate(this.draft);
        if (!this.environmentChosen) this.environment = inferEnvironment(this.draft);
    }

    /** Enter adds the origin, as the Add origin button does (a lone input is not in a form that would submit). */
    handleDraftKeydown(event: KeyboardEvent): void {
        if (event.key !== 'Enter') return;
        event.preventDefault();
        const value = (event.currentTarget as unknown as { value?: string }).value;
        if (typeof value === 'string' && value !== this.draft) this.draft = value;
        this.handleAdd();
    }

    handleEnvironmentChange(event: CustomEvent<{ value: string }>): void {
        this.environment = event.detail.value as OriginEnvironment;
        this.environmentChosen = true;
    }

    handleAdd(): void {
        if (this.draft.trim() === '') {
            this.error = 'Type the origin of a site where the chat will run, e.g. https://www.example.com.';
            return;
        }
        this.error = this.validate(this.draft);
        const parsed = parseOrigin(this.draft);
        if (this.error !== '' || !parsed.ok) return;
        const added: WidgetOrigin = {
            origin: parsed.origin.text,
            environment: this.environment,
            environmentSource: this.environmentChosen ? 'plan' : 'inferred'
        };
        this.emit([...(this.origins ?? []), added]);
        this.draft = '';
        this.environment = 'production';
        this.environmentChosen = false;
    }

    handleRemove(event: Event): void {
        const origin = (event.currentTarget as HTMLElement).dataset.origin;
        this.emit((this.origins ?? []).filter((o) => o.origin !== origin));
    }

    emit(origins: WidgetOrigin[]): void {
        this.dispatchEvent(new CustomEvent('originschange', { detail: { origins } }));
    }
}
