import { runPreChatChecks } from '../checksPreChat';
import type { CheckResult } from '../result';
import { readSection } from '../snapshot';
import type { EmbeddedServiceDeployment, Flow, MessagingChannel, OrgSnapshot, PreChatFormField } from '../snapshot';
import { contextFor, healthyPlan, healthySnapshot, resultsFor, statuses, withUnread } from './fixtures';

const PC_IDS = ['PC-01', 'PC-02', 'PC-03', 'PC-04', 'PC-05', 'PC-06', 'PC-07', 'PC-08', 'PC-09'];

function run(snapshot: OrgSnapshot, plan = healthyPlan()): CheckResult[] {
    return runPreChatChecks(contextFor(snapshot, plan));
}

function one(results: CheckResult[], checkId: string, subject: string): CheckResult {
    const found = resultsFor(results, checkId).filter((r) => r.subject === subject);
    expect(found).toHaveLength(1);
    return found[0];
}

function channel(s: OrgSnapshot): MessagingChannel {
    return s.messagingChannels.items[0];
}

function deployment(s: OrgSnapshot): EmbeddedServiceDeployment {
    return s.deployments.items[0];
}

function flow(s: OrgSnapshot): Flow {
    return s.flows.items[0];
}

/** Deep copy (jsdom has no structuredClone); snapshots are JSON by contract. */
function clone<T>(value: T): T {
    return JSON.parse(JSON.stringify(value)) as T;
}

function field(overrides: Partial<PreChatFormField> & { formField: string }): PreChatFormField {
    return {
        messagingChannelParameterType: overrides.formField.startsWith('_') ? 'Standard' : 'Custom',
        formFieldType: 'Text',
        isHidden: false,
        isRequired: false,
        ...overrides
    };
}

/** A plan about every deployment, with no planned fields (the corpus orgs have no plan). */
const openPlan = () => healthyPlan({ channel: undefined, deployment: undefined, preChatFields: [] });

/*
 * peticavictor__ndax, copied from the real files:
 * messagingChannels/NDAX_Messaging.messagingChannel-meta.xml (custom `email` with NO actionParameterMappings,
 * `userId` mapped to userId, standard Email mapped to email; Flow-routed to Route_to_NDAX, fallback
 * Service_Messaging), EmbeddedServiceConfig/NDAX_Messaging.EmbeddedServiceConfig-meta.xml (hidden custom
 * `userId` and `email`, visible standard `_Email`) and flows/Route_to_NDAX.flow-meta.xml (only `recordId`
 * declared; a Get Records on MessagingSession, no Update Records; queue ids hard-coded).
 */
function ndaxSnapshot(): OrgSnapshot {
    const s = healthySnapshot();
    s.messagingChannels = readSection([
        {
            developerName: 'NDAX_Messaging',
            masterLabel: 'NDAX Messaging',
            messagingChannelType: 'EmbeddedMessaging',
            sessionHandlerType: 'Flow',
            sessionHandlerFlow: 'Route_to_NDAX',
            sessionHandlerQueue: 'Service_Messaging',
            embeddedConfig: { authMode: 'Auth', isEstimatedWaitTimeEnabled: true, hasAuthorizations: true },
            customParameters: [
                {
                    name: 'email',
                    masterLabel: 'email',
                    externalParameterName: 'email',
                    parameterDataType: 'String',
                    maxLength: 120,
                    actionParameterMappings: []
                },
                {
                    name: 'userId',
                    masterLabel: 'userId',
                    externalParameterName: 'userId',
                    parameterDataType: 'String',
                    maxLength: 80,
                    actionParameterMappings: [{ actionParameterName: 'userId' }]
                }
            ],
            standardParameters: [
                { parameterType: 'Email', actionParameterMappings: [{ actionParameterName: 'email' }] }
            ],
            automatedResponseTypes: [],
            source: { file: 'messagingChannels/NDAX_Messaging.messagingChannel-meta.xml' }
        }
    ]);
    s.deployments = readSection([
        {
            developerName: 'NDAX_Messaging',
            deploymentFeature: 'EmbeddedMessaging',
            deploymentType: 'Web',
            isEnabled: true,
            site: 'ESW_NDAX_Messaging_17473209180741',
            branding: 'EmbeddedServiceConfig_BrandingSet_196d4791c9b',
            messagingChannel: { messagingChannel: 'NDAX_Messaging', isEnabled: true },
            preChatForms: [
                {
                    displayContext: 'Conversation',
                    isActive: true,
                    fields: [
                        field({ formField: 'userId', isHidden: true, displayOrder: -1 }),
                        field({ formField: 'email', isHidden: true, displayOrder: -1 }),
                        field({ formField: '_Email', formFieldType: 'Email', isRequired: true, displayOrder: 0 })
                    ]
                }
            ],
            source: { file: 'EmbeddedServiceConfig/NDAX_Messaging.EmbeddedServiceConfig-meta.xml' }
        }
    ]);
    s.flows = readSection<Flow>([
        {
            apiName: 'Route_to_NDAX',
            label: 'Route to NDAX',
            processType: 'RoutingFlow',
            status: 'Active',
            variables: [{ name: 'recordId', dataType: 'String', isInput: true, isOutput: false, isCollection: false }],
            recordLookups: [{ name: 'Get_Messaging_Session', object: 'MessagingSession' }],
            recordUpdates: [],
            routeWorks: [
                {
                    name: 'Route_to_Service_Messaging_Queue',
                    inputs: {
                        recordId: { elementReference: 'recordId' },
                        queueId: { stringValue: '00GOI000001HIWG2A4' }
                    }
                },
                {
                    name: 'RoutingAction',
                    inputs: {
                        recordId: { elementReference: 'recordId' },
                        serviceChannelDevName: { stringValue: 'sfdc_livemessage' },
                        routingType: { stringValue: 'Bot' },
                        queueId: { stringValue: '00GOI000001HIWG2A4' }
                    }
                }
            ],
            executionOrder: ['Get_Messaging_Session', 'If_it_isn_t_a_new_Messaging_Session', 'RoutingAction'],
            source: { file: 'flows/Route_to_NDAX.flow-meta.xml' }
        }
    ]);
    return s;
}

/*
 * diogo-weenow__arnone messagingChannels/Chat_ESG.messagingChannel-meta.xml: queue-routed (Fila_ESG), no flow.
 * The pre-chat form and mapping are added here to exercise "mappings with no flow to reach".
 */
function queueRoutedSnapshot(): OrgSnapshot {
    const s = healthySnapshot();
    const c = channel(s);
    c.developerName = 'Chat_ESG';
    c.sessionHandlerType = 'Queue';
    c.sessionHandlerQueue = 'Fila_ESG';
    c.sessionHandlerFlow = undefined;
    deployment(s).messagingChannel = { messagingChannel: 'Chat_ESG', isEnabled: true };
    return s;
}

describe('pre-chat checks on a ready org', () => {
    it('passes every PC check on healthySnapshot() with healthyPlan()', () => {
        const results = run(healthySnapshot());
        expect(results.map((r) => r.checkId).filter((id, i, a) => a.indexOf(id) === i)).toEqual(PC_IDS);
        expect(results.filter((r) => r.status !== 'pass')).toEqual([]);
        expect(statuses(results, 'PC-01')).toEqual(['pass Web_Chat_Site: _Email', 'pass Web_Chat_Site: Order_Number']);
        expect(statuses(results, 'PC-02')).toEqual(['pass Web_Chat: Email (standard)', 'pass Web_Chat: Order_Number']);
        expect(statuses(results, 'PC-03')).toEqual(['pass Web_Chat: Order_Number', 'pass Web_Chat: Email (standard)']);
        expect(statuses(results, 'PC-07')).toEqual(['pass Web_Chat_Site']);
        expect(one(results, 'PC-07', 'Web_Chat_Site').message).toContain(
            'updates the messaging session in "Save_Prechat" before Route Work "Route_To_Chat_Support"'
        );
    });

    it('says "no pre-chat form" once per check for a deployment without one', () => {
        const s = healthySnapshot();
        deployment(s).preChatForms = [];
        const results = run(s);
        for (const id of PC_IDS.filter((x) => x !== 'PC-09')) {
            expect(statuses(results, id)).toEqual(['pass Web_Chat_Site']);
            expect(one(results, id, 'Web_Chat_Site').message).toContain('no active pre-chat form');
        }
    });

    it('counts an active form with no fields (real: Ndax_Mobile_App) as no pre-chat form', () => {
        const s = healthySnapshot();
        deployment(s).developerName = 'Ndax_Mobile_App';
        deployment(s).deploymentType = 'Mobile';
        deployment(s).preChatForms = [{ displayContext: 'Conversation', isActive: true, fields: [] }];
        const results = run(s, openPlan());
        expect(statuses(results, 'PC-01')).toEqual(['pass Ndax_Mobile_App']);
        expect(statuses(results, 'PC-09')).toEqual(['pass Ndax_Mobile_App']);
        expect(one(results, 'PC-09', 'Ndax_Mobile_App').message).toContain('has no pre-chat fields');
    });

    it('returns not_evaluated per check when the deployments were not read', () => {
        const results = run(withUnread(healthySnapshot(), 'deployments'));
        for (const id of PC_IDS) {
            expect(statuses(results, id)).toEqual(['not_evaluated org']);
        }
        expect(one(results, 'PC-01', 'org').message).toContain('Embedded Service deployments (EmbeddedServiceConfig)');
        expect(one(results, 'PC-01', 'org').remediation).toContain('sf project retrieve start');
    });
});

describe('channels whose parameters were not read (org snapshot, Metadata API read failed)', () => {
    const REASON = 'unavailable: needs API access (connect the MIAW Setup Assistant credential)';

    function orgWithUnreadParameters(): OrgSnapshot {
        const s = healthySnapshot();
        s.origin = { kind: 'org', label: 'acme' };
        Object.assign(channel(s), {
            customParameters: [],
            standardParameters: [],
            automatedResponseTypes: [],
            embeddedConfig: undefined,
            parametersUnavailable: REASON
        });
        return s;
    }

    it('is not_evaluated for PC-01/02/03/07, with the reason, instead of failing on empty parameter lists', () => {
        const results = run(orgWithUnreadParameters());
        for (const id of ['PC-01', 'PC-02', 'PC-07']) {
            const r = one(results, id, 'Web_Chat_Site');
            expect(r.status).toBe('not_evaluated');
            expect(r.message).toBe(
                `Not evaluated: the parameters and parameter mappings of channel "Web_Chat" (used by deployment "Web_Chat_Site") were not read: ${REASON}.`
            );
            expect(r.remediation).toContain("Connect the app to the org's API");
        }
        expect(statuses(results, 'PC-03')).toEqual(['not_evaluated Web_Chat_Site']);
        expect(results.filter((r) => r.status === 'fail')).toEqual([]);
    });

    it('still evaluates PC-08, which needs only the routing flow', () => {
        expect(statuses(run(orgWithUnreadParameters()), 'PC-08')).toEqual(['pass Web_Chat_Site']);
    });

    it('fails PC-01 as before once the parameters are read and the field has none', () => {
        const s = orgWithUnreadParameters();
        delete channel(s).parametersUnavailable;
        const r = one(run(s), 'PC-01', 'Web_Chat_Site: Order_Number');
        expect(r.status).toBe('fail');
        expect(r.message).toContain('channel "Web_Chat" has no custom parameters');
    });

    it('passes PC-01 when the parameters were read from the org', () => {
        const s = healthySnapshot();
        s.origin = { kind: 'org', label: 'acme' };
        expect(statuses(run(s), 'PC-01')).toEqual(['pass Web_Chat_Site: _Email', 'pass Web_Chat_Site: Order_Number']);
    });
});

describe('PC-01 custom fields refer to channel parameters', () => {
    it('fails a custom field with no parameter and names what the channel has', () => {
        const s = healthySnapshot();
        deployment(s).preChatForms[0].fields.push(field({ formField: 'Account_Number', isHidden: true }));
        const r = one(run(s), 'PC-01', 'Web_Chat_Site: Account_Number');
        expect(r.status).toBe('fail');
        expect(r.severity).toBe('blocker');
        expect(r.message).toBe(
            'Custom pre-chat field "Account_Number" on "Web_Chat_Site" refers to no custom parameter: channel "Web_Chat" has only "Order_Number".'
        );
        expect(r.remediation).toContain(
            'Setup > Messaging Settings > Web_Chat > Custom Parameters > New: create the parameter "Account_Number"'
        );
        expect(r.location).toEqual({ file: 'EmbeddedServiceConfig/Web_Chat_Site.EmbeddedServiceConfig-meta.xml' });
    });

    it('says when the names differ only in letter case', () => {
        const s = healthySnapshot();
        deployment(s).preChatForms[0].fields[1].formField = 'order_number';
        const r = one(run(s), 'PC-01', 'Web_Chat_Site: order_number');
        expect(r.status).toBe('fail');
        expect(r.message).toContain('"Order_Number", which differs only in letter case (names are case-sensitive)');
    });

    it('fails an unknown standard field', () => {
        const s = healthySnapshot();
        deployment(s).preChatForms[0].fields.push(field({ formField: '_Phone' }));
        const r = one(run(s), 'PC-01', 'Web_Chat_Site: _Phone');
        expect(r.status).toBe('fail');
        expect(r.message).toContain(
            'is marked Standard, but the standard fields are "_FirstName", "_LastName", "_Email" and "_Subject"'
        );
    });

    it('passes the real NDAX form (userId, email, _Email)', () => {
        const results = run(ndaxSnapshot(), openPlan());
        expect(statuses(results, 'PC-01')).toEqual([
            'pass NDAX_Messaging: userId',
            'pass NDAX_Messaging: email',
            'pass NDAX_Messaging: _Email'
        ]);
    });

    it('is not evaluated when the channels were not read', () => {
        const r = one(
            run(withUnread(healthySnapshot(), 'messagingChannels', 'unavailable', 'needs API access')),
            'PC-01',
            'org'
        );
        expect(r.status).toBe('not_evaluated');
        expect(r.message).toBe('Not evaluated: messaging channels (MessagingChannel) not read (needs API access).');
        expect(r.remediation).toContain("Connect the app to the org's API");
    });

    it("is not evaluated when the deployment's channel is not in the snapshot", () => {
        const s = healthySnapshot();
        deployment(s).messagingChannel = { messagingChannel: 'Gone_Channel', isEnabled: true };
        const r = one(run(s, openPlan()), 'PC-01', 'Web_Chat_Site');
        expect(r.status).toBe('not_evaluated');
        expect(r.message).toContain('points at messaging channel "Gone_Channel", which is not in the snapshot');
        expect(r.remediation).toContain('messagingChannels/Gone_Channel.messagingChannel-meta.xml');
    });
});

describe('PC-02 parameters used by the form are mapped', () => {
    it('fails the real NDAX custom parameter "email", which has no mapping', () => {
        const results = run(ndaxSnapshot(), openPlan());
        expect(statuses(results, 'PC-02')).toEqual([
            'pass NDAX_Messaging: userId',
            'fail NDAX_Messaging: email',
            'pass NDAX_Messaging: Email (standard)'
        ]);
        const r = one(results, 'PC-02', 'NDAX_Messaging: email');
        expect(r.message).toBe(
            'Parameter email of channel "NDAX_Messaging" is used by "NDAX_Messaging: email", but it has no parameter mapping, so its value never reaches the routing flow.'
        );
        expect(r.remediation).toContain(
            'Setup > Messaging Settings > NDAX_Messaging > Parameter Mappings > New: map email to the flow variable email'
        );
        expect(r.setupPath).toBe('/lightning/setup/LiveMessageSetup/home');
        expect(r.location).toEqual({ file: 'messagingChannels/NDAX_Messaging.messagingChannel-meta.xml' });
    });

    it('fails a standard field whose parameter the channel does not declare', () => {
        const s = healthySnapshot();
        deployment(s).preChatForms[0].fields.push(field({ formField: '_FirstName' }));
        const r = one(run(s), 'PC-02', 'Web_Chat: FirstName (standard)');
        expect(r.status).toBe('fail');
        expect(r.message).toContain('declares no FirstName standard parameter mapping at all');
        expect(r.remediation).toContain('map FirstName to the flow variable FirstName');
    });

    it('gives one result per parameter when two deployments on one channel use it', () => {
        const s = healthySnapshot();
        const second = clone(deployment(s));
        second.developerName = 'Web_Chat_Site_2';
        s.deployments.items.push(second);
        channel(s).customParameters[0].actionParameterMappings = [];
        const results = run(s, healthyPlan({ deployment: undefined }));
        expect(statuses(results, 'PC-02')).toEqual(['pass Web_Chat: Email (standard)', 'fail Web_Chat: Order_Number']);
        expect(one(results, 'PC-02', 'Web_Chat: Order_Number').message).toContain(
            'is used by "Web_Chat_Site: Order_Number" and "Web_Chat_Site_2: Order_Number"'
        );
    });

    it('leaves a field without a parameter to PC-01 rather than reporting it twice', () => {
        const s = healthySnapshot();
        deployment(s).preChatForms[0].fields.push(field({ formField: 'Missing_Param', isHidden: true }));
        const results = run(s);
        expect(statuses(results, 'PC-02')).toEqual(['pass Web_Chat: Email (standard)', 'pass Web_Chat: Order_Number']);
        expect(one(results, 'PC-01', 'Web_Chat_Site: Missing_Param').status).toBe('fail');
    });

    it('is not evaluated when the channels were not read', () => {
        expect(statuses(run(withUnread(healthySnapshot(), 'messagingChannels')), 'PC-02')).toEqual([
            'not_evaluated org'
        ]);
    });
});

describe('PC-03 mapped variables exist in the flow as Text inputs', () => {
    it('fails the real NDAX mappings: Route_to_NDAX declares only recordId', () => {
        const results = run(ndaxSnapshot(), openPlan());
        expect(statuses(results, 'PC-03')).toEqual([
            'fail NDAX_Messaging: userId',
            'fail NDAX_Messaging: Email (standard)'
        ]);
        const r = one(results, 'PC-03', 'NDAX_Messaging: userId');
        expect(r.message).toBe(
            'Parameter userId of channel "NDAX_Messaging" is mapped to "userId" in flow "Route_to_NDAX", but the flow has no variable "userId".'
        );
        expect(r.remediation).toContain(
            'Setup > Flows > Route_to_NDAX: add (or fix) the variable with API name exactly as mapped ("userId"), Data Type Text, "Available for input" checked'
        );
        expect(r.location).toEqual({ file: 'flows/Route_to_NDAX.flow-meta.xml' });
    });

    it('gives a specific message when the variable differs only in letter case', () => {
        const s = ndaxSnapshot();
        flow(s).variables.push({ name: 'Email', dataType: 'String', isInput: true });
        const r = one(run(s, openPlan()), 'PC-03', 'NDAX_Messaging: Email (standard)');
        expect(r.status).toBe('fail');
        expect(r.message).toContain(
            'the flow declares "Email", not "email" — the names differ only in letter case and must match exactly'
        );
    });

    it('fails a variable that is not Text or not available for input', () => {
        const s = healthySnapshot();
        flow(s).variables[1] = { name: 'Order_Number', dataType: 'Number', isInput: false };
        const r = one(run(s), 'PC-03', 'Web_Chat: Order_Number');
        expect(r.status).toBe('fail');
        expect(r.message).toContain(
            'variable "Order_Number": its data type is Number, not Text; it is not available for input'
        );
    });

    it('fails mappings on a queue-routed channel (real: diogo Chat_ESG), which reach no flow', () => {
        const results = run(queueRoutedSnapshot(), openPlan());
        expect(statuses(results, 'PC-03')).toEqual(['fail Chat_ESG: Order_Number', 'fail Chat_ESG: Email (standard)']);
        const r = one(results, 'PC-03', 'Chat_ESG: Order_Number');
        expect(r.message).toBe(
            'Channel "Chat_ESG" maps Order_Number to "Order_Number", but it routes straight to the queue "Fila_ESG", not through an Omni-Channel flow: with no flow the mapped values reach no variable and never land on a record.'
        );
        expect(r.remediation).toContain('set the routing type to Omni-Flow');
    });

    it('passes a channel with no mappings and leaves unmapped fields to PC-02', () => {
        const s = healthySnapshot();
        channel(s).customParameters[0].actionParameterMappings = [];
        channel(s).standardParameters = [];
        const r = one(run(s), 'PC-03', 'Web_Chat');
        expect(r.status).toBe('pass');
        expect(r.message).toContain('maps no parameter to a flow variable');
    });

    it('is not evaluated, naming the flow, when the flow is not in the snapshot', () => {
        const s = ndaxSnapshot();
        s.flows = readSection([]);
        const r = one(run(s, openPlan()), 'PC-03', 'NDAX_Messaging');
        expect(r.status).toBe('not_evaluated');
        expect(r.message).toBe(
            'Not evaluated: channel "NDAX_Messaging" routes through the flow "Route_to_NDAX", which is not in the snapshot.'
        );
        expect(r.remediation).toContain('flows/Route_to_NDAX.flow-meta.xml');
    });

    it('is not evaluated for an Agentforce-routed channel, whose mappings target agent context variables', () => {
        const s = healthySnapshot();
        Object.assign(channel(s), {
            sessionHandlerType: 'AgentforceServiceAgent',
            sessionHandlerAgent: 'Service_Agent'
        });
        const results = run(s);
        const r = one(results, 'PC-03', 'Web_Chat');
        expect(r.status).toBe('not_evaluated');
        expect(r.message).toContain('routes to the Agentforce agent "Service_Agent"');
        expect(one(results, 'PC-07', 'Web_Chat_Site').status).toBe('not_evaluated');
    });

    it('is not evaluated when the flows were not read', () => {
        const r = one(
            run(withUnread(healthySnapshot(), 'flows', 'no_permission', 'no access to Flow')),
            'PC-03',
            'org'
        );
        expect(r.status).toBe('not_evaluated');
        expect(r.message).toContain('flows (Flow) not read (no access to Flow)');
    });
});

describe('PC-04 hidden fields are Text and not required', () => {
    it('fails a hidden field that is an Email field and required', () => {
        const s = healthySnapshot();
        Object.assign(deployment(s).preChatForms[0].fields[1], { formFieldType: 'Email', isRequired: true });
        const r = one(run(s), 'PC-04', 'Web_Chat_Site: Order_Number');
        expect(r.status).toBe('fail');
        expect(r.message).toBe(
            'Hidden pre-chat field "Order_Number" on "Web_Chat_Site" breaks the rule for hidden fields: its type is Email, not Text and it is required.'
        );
        expect(r.remediation).toContain('Edit Pre-Chat: make "Order_Number" a Text field that is not required');
    });

    it('passes the real NDAX hidden fields and says when a form has none', () => {
        expect(statuses(run(ndaxSnapshot(), openPlan()), 'PC-04')).toEqual([
            'pass NDAX_Messaging: userId',
            'pass NDAX_Messaging: email'
        ]);
        const s = healthySnapshot();
        deployment(s).preChatForms[0].fields.pop();
        const r = one(run(s, openPlan()), 'PC-04', 'Web_Chat_Site');
        expect(r.status).toBe('pass');
        expect(r.message).toBe('Deployment "Web_Chat_Site" has no hidden pre-chat fields.');
    });

    it('is not evaluated when the source does not state a hidden field type', () => {
        const s = healthySnapshot();
        deployment(s).preChatForms[0].fields[1].formFieldType = undefined;
        const r = one(run(s), 'PC-04', 'Web_Chat_Site: Order_Number');
        expect(r.status).toBe('not_evaluated');
        expect(r.message).toContain('the source does not state the type of hidden field "Order_Number"');
    });
});

describe('PC-05 no hidden and visible field share a parameter', () => {
    it('fails a parameter used both hidden and visible', () => {
        const s = healthySnapshot();
        deployment(s).preChatForms[0].fields.push(field({ formField: 'Order_Number', isHidden: false }));
        const results = run(s);
        expect(statuses(results, 'PC-05')).toEqual(['fail Web_Chat_Site: Order_Number']);
        expect(one(results, 'PC-05', 'Web_Chat_Site: Order_Number').message).toBe(
            'Parameter "Order_Number" is used by both a hidden and a visible pre-chat field on "Web_Chat_Site"; a form may use a parameter only once.'
        );
    });

    it('passes the real NDAX form, where hidden "email" and visible "_Email" are different parameters', () => {
        expect(statuses(run(ndaxSnapshot(), openPlan()), 'PC-05')).toEqual(['pass NDAX_Messaging']);
    });
});

describe('PC-06 at most 6 visible fields', () => {
    it('fails seven visible fields as a warning', () => {
        const s = healthySnapshot();
        for (let i = 1; i <= 6; i++) deployment(s).preChatForms[0].fields.push(field({ formField: `Extra_${i}` }));
        const r = one(run(s), 'PC-06', 'Web_Chat_Site');
        expect(r.status).toBe('fail');
        expect(r.severity).toBe('warning');
        expect(r.message).toContain('shows 7 visible fields; Salesforce recommends no more than 5 or 6');
    });

    it('passes six', () => {
        const s = healthySnapshot();
        for (let i = 1; i <= 5; i++) deployment(s).preChatForms[0].fields.push(field({ formField: `Extra_${i}` }));
        expect(one(run(s), 'PC-06', 'Web_Chat_Site').message).toContain('shows 6 visible field(s)');
    });
});

describe('PC-07 the flow writes pre-chat values to the session before Route Work', () => {
    it('fails the real Route_to_NDAX, which has no Update Records on Messaging Session', () => {
        const r = one(run(ndaxSnapshot(), openPlan()), 'PC-07', 'NDAX_Messaging');
        expect(r.status).toBe('fail');
        expect(r.severity).toBe('warning');
        expect(r.message).toBe(
            'Flow "Route_to_NDAX" (channel "NDAX_Messaging") receives the pre-chat values of "NDAX_Messaging" ("userId" and "email"), but it has no Update Records element on Messaging Session, so agents do not see them on the session.'
        );
        expect(r.remediation).toContain('add an Update Records element before the Route Work element');
    });

    it('fails when the session update runs after Route Work', () => {
        const s = healthySnapshot();
        flow(s).executionOrder = ['Find_Contact', 'Route_To_Chat_Support', 'Save_Prechat', 'Link_Contact'];
        const r = one(run(s), 'PC-07', 'Web_Chat_Site');
        expect(r.status).toBe('fail');
        expect(r.message).toContain('("Save_Prechat") is not on the path before Route Work "Route_To_Chat_Support"');
    });

    it('accepts an update of the session record found by Get Records (inputReference)', () => {
        const s = ndaxSnapshot();
        flow(s).recordUpdates = [
            { name: 'Save_Prechat', inputReference: 'Get_Messaging_Session', fields: ['User_Id__c'] }
        ];
        flow(s).executionOrder = ['Get_Messaging_Session', 'Save_Prechat', 'RoutingAction'];
        const r = one(run(s, openPlan()), 'PC-07', 'NDAX_Messaging');
        expect(r.status).toBe('pass');
        expect(r.message).toContain('"Save_Prechat" before Route Work "RoutingAction"');
    });

    it('fails a queue-routed channel: no flow writes the values', () => {
        const r = one(run(queueRoutedSnapshot(), openPlan()), 'PC-07', 'Web_Chat_Site');
        expect(r.status).toBe('fail');
        expect(r.message).toContain(
            'routes straight to the queue "Fila_ESG", not through an Omni-Channel flow, so no Omni-Channel flow writes'
        );
    });

    it('passes when no form field is mapped', () => {
        const s = healthySnapshot();
        channel(s).customParameters[0].actionParameterMappings = [];
        channel(s).standardParameters = [];
        expect(one(run(s), 'PC-07', 'Web_Chat_Site').message).toContain(
            'No pre-chat field of "Web_Chat_Site" is mapped'
        );
    });

    it('is not evaluated, naming the flow, when the flow is not in the snapshot', () => {
        const s = healthySnapshot();
        s.flows = readSection([]);
        const r = one(run(s), 'PC-07', 'Web_Chat_Site');
        expect(r.status).toBe('not_evaluated');
        expect(r.message).toContain('routes through the flow "Route_Web_Chat", which is not in the snapshot');
    });
});

describe('PC-08 Contact matching is automated', () => {
    it('fails the real NDAX flow: it collects e-mail but never looks up a Contact', () => {
        const r = one(run(ndaxSnapshot(), openPlan()), 'PC-08', 'NDAX_Messaging');
        expect(r.status).toBe('fail');
        expect(r.severity).toBe('warning');
        expect(r.message).toBe(
            'Pre-chat "email" and "_Email" on "NDAX_Messaging" do not find or link a Contact by themselves, and flow "Route_to_NDAX" (channel "NDAX_Messaging") neither looks up a Contact nor sets ContactId, so agents get sessions with no Contact.'
        );
        expect(r.remediation).toContain('add Get Records on Contact matching the pre-chat e-mail');
        expect(r.remediation).toContain('Apex trigger on MessagingSession');
    });

    it('passes a flow that sets ContactId on the Messaging User without a lookup', () => {
        const s = healthySnapshot();
        flow(s).recordLookups = [];
        const r = one(run(s), 'PC-08', 'Web_Chat_Site');
        expect(r.status).toBe('pass');
        expect(r.message).toContain('sets ContactId in "Link_Contact"');
    });

    it('passes a form that collects no e-mail or name', () => {
        const s = healthySnapshot();
        deployment(s).preChatForms[0].fields.shift();
        flow(s).recordLookups = [];
        flow(s).recordUpdates = [];
        const r = one(run(s), 'PC-08', 'Web_Chat_Site');
        expect(r.status).toBe('pass');
        expect(r.message).toContain('collects no e-mail or name');
    });

    it('is not evaluated when the flow is not in the snapshot', () => {
        const s = ndaxSnapshot();
        s.flows = readSection([]);
        const r = one(run(s, openPlan()), 'PC-08', 'NDAX_Messaging');
        expect(r.status).toBe('not_evaluated');
        expect(r.message).toContain('"Route_to_NDAX", which is not in the snapshot');
    });
});

describe('PC-09 the form is active and has the planned fields', () => {
    it('fails an inactive form that has fields', () => {
        const s = healthySnapshot();
        deployment(s).preChatForms[0].isActive = false;
        const results = run(s);
        const r = one(results, 'PC-09', 'Web_Chat_Site');
        expect(r.status).toBe('fail');
        expect(r.message).toContain('its pre-chat form has 2 field(s) but is not active, so customers never see it');
        expect(r.remediation).toContain('select "Activate the pre-chat feature"');
        // The other checks say why they had nothing to check.
        expect(one(results, 'PC-01', 'Web_Chat_Site').message).toContain('its pre-chat form is inactive');
    });

    it('names planned fields that are missing or set differently', () => {
        const plan = healthyPlan({
            preChatFields: [
                { name: 'Order_Number', hidden: false, required: true },
                { name: 'Case_Subject', hidden: true },
                { name: '_email' }
            ]
        });
        const r = one(run(healthySnapshot(), plan), 'PC-09', 'Web_Chat_Site');
        expect(r.status).toBe('fail');
        expect(r.message).toBe(
            'Pre-chat form of "Web_Chat_Site": the planned field(s) "Case_Subject", "_email" (the form has "_Email", which differs in letter case) are not on the form; "Order_Number" is hidden, planned visible and optional, planned required.'
        );
    });

    it('is not evaluated when the deployments were not read', () => {
        const r = one(run(withUnread(healthySnapshot(), 'deployments', 'error', 'malformed XML')), 'PC-09', 'org');
        expect(r.status).toBe('not_evaluated');
        expect(r.remediation).toContain('Fix the problems reported');
    });
});

describe('PC result contract', () => {
    it('fills title, area, severity and source from the catalog', () => {
        const r = one(run(ndaxSnapshot(), openPlan()), 'PC-02', 'NDAX_Messaging: email');
        expect(r).toMatchObject({
            area: 'PC',
            severity: 'blocker',
            title: 'Every channel parameter used by the form is mapped to a flow variable',
            source: expect.stringContaining('Populate Pre-Chat Form Fields in Enhanced Web Chat (https://')
        });
    });

    it('evaluates only the deployments in scope', () => {
        const s = healthySnapshot();
        const other = clone(deployment(s));
        other.developerName = 'Other_Site';
        other.preChatForms[0].fields.push(field({ formField: 'Nope', isHidden: true }));
        s.deployments.items.push(other);
        const results = run(s);
        expect(results.some((r) => r.subject.startsWith('Other_Site'))).toBe(false);
    });
});
