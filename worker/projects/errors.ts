/** What goes wrong with a project request, as the API answers it: 404 and 400 with a message. */

export class ProjectMissingError extends Error {
  constructor() {
    super("Project not found");
  }
}

/** A request the project cannot take, said in words a person can act on. */
export class ProjectInputError extends Error {}
