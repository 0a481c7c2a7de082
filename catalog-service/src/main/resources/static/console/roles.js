// What the console offers a user, from their principal. Only a convenience: the API decides every request itself.

export const isDataAdmin = (principal) =>
  principal.platformRoles.includes('data_admin') || principal.platformRoles.includes('system_admin');

/** The projects whose tables and functions the user may design: where they are a developer or project admin. */
export const designProjects = (principal) => (principal.projects || [])
  .filter((p) => p.role === 'developer' || p.role === 'project_admin' || isDataAdmin(principal))
  .map((p) => p.project);
