/** What goes wrong with a project request, as the API answers it: 404, 400 and 409 with a message. */

export class ProjectMissingError extends Error {
  constructor() {
    super("Project not found");
  }
}

/** A request the project cannot take, said in words a person can act on. */
export class ProjectInputError extends Error {}

/** The project is busy with the same work already (a discovery): the API's 409. */
export class ProjectBusyError extends Error {}
