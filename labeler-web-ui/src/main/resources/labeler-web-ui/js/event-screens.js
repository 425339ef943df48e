// The screens under #/events/{slug}/{screen} besides the images and the image view.
import { showEventEdit } from './event-form.js';
import { showTeam } from './team.js';
import { showExport } from './export.js';

const SCREENS = { edit: showEventEdit, team: showTeam, export: showExport };

export function isEventScreen(name) {
  return Object.hasOwn(SCREENS, name);
}

export function showEventScreen(slug, name) {
  return SCREENS[name](slug);
}
