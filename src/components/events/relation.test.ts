import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codePair } from '../../cli/commands/code/code-command.js';

/** Our own sentences, one or more per pattern family, coded for a given source and target. */
const type = (sentence: string, source: string, target: string) => codePair(sentence, source, target).type;

describe('relation classifier, one sentence per pattern family', () => {
  const cases: [string, string, string, string][] = [
    ['SUPPORT', 'Oslo welcomed the proposal put forward by Lima on Tuesday.', 'Oslo', 'Lima'],
    ['SUPPORT', 'The minister praised Chile for its mediation.', 'The minister', 'Chile'],
    ['SANCTION', 'Canada imposed new sanctions on Belarus over the crackdown.', 'Canada', 'Belarus'],
    ['SANCTION', 'Norway cut diplomatic ties with Ruritania last week.', 'Norway', 'Ruritania'],
    ['THREATEN', 'The rebels threatened to shell the airport held by government troops.', 'The rebels', 'the airport'],
    ['THREATEN', 'Ankara warned Athens of serious consequences.', 'Ankara', 'Athens'],
    ['REQUEST', 'The council urged both parties to return to the table.', 'The council', 'both parties'],
    ['REQUEST', 'Peru called for talks with Bolivia over the border.', 'Peru', 'Bolivia'],
    ['AGREE', 'Kenya agreed to hold talks with Somalia next month.', 'Kenya', 'Somalia'],
    ['AGREE', 'Vietnam will sign a trade pact with Laos in June.', 'Vietnam', 'Laos'],
    ['CONSULT', 'The Dutch premier met the Belgian king in Brussels.', 'The Dutch premier', 'the Belgian king'],
    ['CONSULT', 'Ghana held talks with Togo on the fishing dispute.', 'Ghana', 'Togo'],
    ['ACCUSE', 'Manila accused Beijing of harassing its fishermen.', 'Manila', 'Beijing'],
    ['ACCUSE', 'Rights groups condemned the junta for the executions.', 'Rights groups', 'the junta'],
    ['REJECT', 'Caracas rejected the offer made by Bogota.', 'Caracas', 'Bogota'],
    ['ASSAULT', 'Militants attacked an army post near the border.', 'Militants', 'an army post'],
    ['ASSAULT', 'Artillery units shelled the village overnight.', 'Artillery units', 'the village'],
    ['MOBILIZE', 'The army deployed troops along the frontier with Zamunda.', 'The army', 'the frontier'],
    ['AID', 'Japan provided emergency aid to Tonga after the eruption.', 'Japan', 'Tonga'],
    ['COOPERATE', 'The two agencies shared intelligence with Interpol.', 'The two agencies', 'Interpol'],
    ['PROTEST', 'Thousands of farmers protested against the government in the capital.', 'Thousands of farmers', 'the government'],
    ['COERCE', 'Police arrested three opposition activists on Sunday.', 'Police', 'three opposition activists'],
    ['RETREAT', 'The junta released the detained journalists on Monday.', 'The junta', 'the detained journalists'],
    ['RETREAT', 'Washington lifted sanctions on Myanmar.', 'Washington', 'Myanmar'],
  ];
  for (const [want, s, src, tgt] of cases) {
    it(`codes "${s}" as ${want}`, () => assert.equal(type(s, src, tgt), want));
  }
});

describe('relation classifier, patterns added from the PLOVER and CAMEO definitions', () => {
  const cases: [string, string, string, string][] = [
    // AID: money, goods handed over, donors, distribution, shipments, asylum, construction for others.
    ['AID', 'Norway provided $12 million to Malawi for its clinics.', 'Norway', 'Malawi'],
    ['AID', 'The embassy handed over medical equipment to the health ministry of Chad.', 'The embassy', 'the health ministry of Chad'],
    ['AID', 'Sweden is the largest donor to Mozambique.', 'Sweden', 'Mozambique'],
    ['AID', 'Volunteers from Kenya distributed food to families in Turkana.', 'Volunteers from Kenya', 'families in Turkana'],
    ['AID', 'Qatar airlifted tons of supplies to Gaza.', 'Qatar', 'Gaza'],
    ['AID', 'Portugal resettled refugees from Eritrea.', 'Portugal', 'refugees from Eritrea'],
    ['AID', 'Japan provides logistical support for the mission in Haiti.', 'Japan', 'Haiti'],
    // COOPERATE: extradition, exchange of technology, joint ventures, exercises held with someone.
    ['COOPERATE', "Spain approved the suspect's extradition to Peru.", 'Spain', 'Peru'],
    ['COOPERATE', 'A war game was staged by Oman and India in the desert.', 'Oman', 'India'],
    ['COOPERATE', 'Oman conducted naval exercises with India, the navy said.', 'Oman', 'India'],
    ['COOPERATE', 'Brazil teamed up with Argentina to fight the smugglers.', 'Brazil', 'Argentina'],
    ['COOPERATE', 'Korea and Vietnam exchange technology for the new plant.', 'Korea', 'Vietnam'],
    // SUPPORT: condolences, gratitude, honours.
    ['SUPPORT', 'The king expressed condolences to the people of Nepal.', 'The king', 'the people of Nepal'],
    ['SUPPORT', 'Latvia awarded its highest order to the Polish president.', 'Latvia', 'the Polish president'],
    ['SUPPORT', 'Fiji and Samoa agreed on the final text of a fisheries treaty.', 'Fiji', 'Samoa'],
    // THREATEN: deadlines, calls for sanctions against someone.
    ['THREATEN', 'The league gave Serbia a deadline to answer.', 'The league', 'Serbia'],
    ['THREATEN', 'Senators called for sanctions against the Ruritanian bank.', 'Senators', 'the Ruritanian bank'],
    // CONCEDE: a legal restriction lifted; RETREAT: hostilities ended; hyphenated words and headline verbs.
    ['YIELD', 'The court revoked the detention of the opposition leader.', 'The court', 'the opposition leader'],
    ['YIELD', 'The army halted its offensive against the rebels in the north.', 'The army', 'the rebels'],
    ['YIELD', 'Kabul announced a three-day cease-fire with the insurgents.', 'Kabul', 'the insurgents'],
    ['YIELD', 'Canada Lifts Travel Ban on Freedonia.', 'Canada', 'Freedonia'],
    // Verb forms the tagger left without a lemma; a hyphenated word is one word of a gap.
    ['ASSAULT', 'Guards tortured a 40-year-old detainee in the prison.', 'Guards', 'a 40-year-old detainee'],
    ['YIELD', 'Oslo partly lifted its 10-year-old trade sanctions on Lima, the minister said.', 'Oslo', 'Lima'],
    // A curfew extended is a curfew imposed; a future one is a threat. A decision is the act itself.
    ['COERCE', 'The junta extended the curfew in the capital of Freedonia.', 'The junta', 'the capital of Freedonia'],
    ['THREATEN', 'The governor will extend the curfew in Bamako.', 'The governor', 'Bamako'],
    ['YIELD', 'Tokyo has decided to lift the sanctions on Seoul.', 'Tokyo', 'Seoul'],
    // Calling someone out is criticism; refusing to end a war is a refusal to de-escalate.
    ['ACCUSE', 'The senator called out the ministry for its silence.', 'The senator', 'the ministry'],
    ['REJECT', 'Manila said it will never stop its war on the insurgents.', 'Manila', 'the insurgents'],
    // Cancelling an agreement rejects it (CAMEO 127).
    ['REJECT', 'Lima cancelled the fishing deal with Quito.', 'Lima', 'Quito'],
    // The act in the purpose clause of a phone call; a request whose object is long before its "to".
    ['SUPPORT', 'Oslo called the new Chilean premier on Monday to congratulate her.', 'Oslo', 'the new Chilean premier'],
    ['REQUEST', 'Police have been pressing the workers at the big cotton mill of the Delta Textile Company to call off the strike.', 'Police', 'the workers at the big cotton mill of the Delta Textile Company'],
  ];
  for (const [want, s, src, tgt] of cases) {
    const label = (t: string) => (t === 'CONCEDE' || t === 'RETREAT' ? 'YIELD' : t);
    it(`codes "${s}" as ${want}`, () => assert.equal(label(codePair(s, src, tgt, 'cameo2plover-2021').type), want));
  }
  it('reads an adjective before a noun as a modifier, not a verb ("armed forces")', () => {
    assert.equal(type('Peruvian armed forces met Chilean officers at the border.', 'Peruvian armed forces', 'Chilean officers'), 'CONSULT');
  });
  it('reads an adjective or participle inside a noun phrase as a modifier ("a free press", "new targeted sanctions")', () => {
    assert.equal(type('Critics say Lima wants to silence a free press in Peru.', 'Lima', 'Peru'), 'NONE');
    assert.notEqual(type('Oslo imposed new targeted sanctions on Lima.', 'Oslo', 'Lima'), 'ASSAULT');
  });
  it('leaves a verb used in another sense alone ("released a joint statement", "fight the epidemic")', () => {
    assert.equal(type('Chile and Peru released a joint statement on Bolivia.', 'Chile', 'Bolivia'), 'NONE');
    assert.equal(type('Ghana and Togo will fight the cholera epidemic together.', 'Ghana', 'Togo'), 'NONE');
    assert.equal(type('The militia fought the army in Togo.', 'The militia', 'the army'), 'ASSAULT');
  });
  it('codes the act inside a request, threat or refusal as that act, not as itself', () => {
    assert.equal(type('The union pressed the ministry to lift the curfew in Gao.', 'The union', 'the ministry'), 'REQUEST');
    assert.equal(type('The rebels threatened to storm the capital.', 'The rebels', 'the capital'), 'THREATEN');
    assert.equal(type('Lima refused to send troops to Bolivia.', 'Lima', 'Bolivia'), 'REJECT');
  });
});

describe('relation classifier: grammar', () => {
  it('reads the passive voice: sanctions were imposed on Russia by the EU', () => {
    assert.equal(codePair('Sanctions were imposed on Russia by the EU.', 'the EU', 'Russia').type, 'SANCTION');
  });
  it('reads nominalisations: the EU\'s sanctions on Russia', () => {
    assert.equal(codePair("The EU's sanctions on Russia hurt its economy.", 'The EU', 'Russia').type, 'SANCTION');
  });
  it('follows the 2021 table for imposed sanctions when asked (COERCE)', () => {
    assert.equal(codePair('Canada imposed sanctions on Belarus.', 'Canada', 'Belarus', 'cameo2plover-2021').type, 'COERCE');
  });
  it('turns a refused cooperative act into REJECT', () => {
    assert.equal(type('Spain will not lift the embargo on Freedonia.', 'Spain', 'Freedonia'), 'REJECT');
    assert.equal(type('Chad refused to release the prisoners held by its army.', 'Chad', 'the prisoners'), 'REJECT');
  });
  it('turns a future cooperative act into AGREE and a future attack into THREATEN', () => {
    assert.equal(type('Egypt will send medical aid to Sudan.', 'Egypt', 'Sudan'), 'AGREE');
    assert.equal(type('The militia vowed to attack the convoy.', 'The militia', 'the convoy'), 'THREATEN');
  });
  it('keeps REQUEST for a negated call for talks (the doc-level event carries negated)', () => {
    assert.equal(type('Germany has not called for talks with Russia.', 'Germany', 'Russia'), 'REQUEST');
  });
  it('says NONE when no pattern relates the pair', () => {
    assert.equal(type('The weather was mild in Quito and Lima.', 'Quito', 'Lima'), 'NONE');
  });
  it('honours <s> and <t> marks for repeated names', () => {
    assert.equal(codePair('<s>Chile</s> praised <t>Peru</t>, and Peru thanked Chile.', 'Chile', 'Peru').type, 'SUPPORT');
  });
});
