import { isStaff, representsCity, type Actor } from '../core/access.ts';
import {
	cityEditableStatuses,
	staffEditableStatuses,
	transitions,
	type ExperienceStatus,
	type WorkflowAction
} from '../../shared/experiences/constants.ts';

export type ExperiencesAction =
	| 'experience.create'
	| 'experience.view_working'
	| 'experience.edit'
	| 'experience.feature'
	| 'experience.import'
	| 'experience.list_all'
	| 'topic.manage'
	| `workflow.${WorkflowAction}`;

/** Transitions a city's representative may make on its own records; all others are the secretariat's. */
const cityTransitions: ReadonlySet<WorkflowAction> = new Set(['submit', 'revise']);

export interface ExperienceResource {
	cityId: number;
	status: ExperienceStatus;
}

/**
 * May the actor do this? `resource` is the record acted on (its city and state); creation needs only
 * the city. Workflow actions also check that the record is in a state the transition starts from.
 */
export function canOnExperiences(actor: Actor | null, action: ExperiencesAction, resource?: Partial<ExperienceResource>): boolean {
	const staff = isStaff(actor);
	const ownCity = resource?.cityId !== undefined && representsCity(actor, resource.cityId);
	switch (action) {
		case 'experience.create':
		case 'experience.view_working':
			return staff || ownCity;
		case 'experience.edit':
			if (!resource?.status) return false;
			if (staff) return staffEditableStatuses.includes(resource.status);
			return ownCity && cityEditableStatuses.includes(resource.status);
		case 'experience.feature':
			return staff && resource?.status !== undefined && resource.status !== 'archived';
		case 'experience.import':
		case 'experience.list_all':
		case 'topic.manage':
			return staff;
		default: {
			const workflowAction = action.slice('workflow.'.length) as WorkflowAction;
			const transition = transitions[workflowAction];
			if (!transition || !resource?.status || !transition.from.includes(resource.status)) return false;
			return staff || (ownCity && cityTransitions.has(workflowAction));
		}
	}
}

/** The transitions the actor may make on this record now, for the buttons shown to them. */
export function allowedTransitions(actor: Actor | null, resource: ExperienceResource): WorkflowAction[] {
	return (Object.keys(transitions) as WorkflowAction[]).filter((a) => canOnExperiences(actor, `workflow.${a}`, resource));
}
