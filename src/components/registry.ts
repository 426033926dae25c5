import type { Component } from '../pipeline/component.js';
import { actorsComponent } from './actors/actors-component.js';
import { briefComponent } from './brief/brief-component.js';
import { eventsComponent } from './events/events-component.js';
import { mentionsComponent } from './mentions/mentions-component.js';
import { quotesComponent } from './quotes/quote-component.js';
import { stancesComponent } from './stances/stances-component.js';
import { statementsComponent } from './statements/statements-component.js';
import { segmentComponent } from './segment/segment-component.js';
import { structureComponent } from './structure/structure-component.js';

/**
 * Every component Attaché ships, in pipeline order. Adding a component is one file and one line here.
 */
export const ALL_COMPONENTS: readonly Component[] = [structureComponent, segmentComponent, mentionsComponent, actorsComponent, quotesComponent, eventsComponent, statementsComponent, stancesComponent, briefComponent];

/** The components up to and including `last` (all of them when `last` is not given). */
export function componentsUpTo(last?: string): Component[] {
  if (!last) return [...ALL_COMPONENTS];
  const i = ALL_COMPONENTS.findIndex((c) => c.name === last);
  if (i < 0) throw new Error(`unknown component "${last}" (have: ${ALL_COMPONENTS.map((c) => c.name).join(', ')})`);
  return ALL_COMPONENTS.slice(0, i + 1);
}
