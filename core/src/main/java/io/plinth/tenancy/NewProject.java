package io.plinth.tenancy;

import io.plinth.core.Check;

/**
 * What it takes to create a {@link Project}.
 *
 * @param keyName     ticket prefix such as {@code PRISM}: upper-case letters, digits and underscores,
 *                    starting with a letter, at most 50 characters; unique within the workspace
 * @param description optional, at most 10 000 characters
 * @param createdBy   optional; an existing user
 */
public record NewProject(WorkspaceId workspaceId, String name, String keyName, String description, UserId createdBy) {
    public NewProject {
        Check.required("workspaceId", workspaceId);
        Project.validate(name, keyName, description);
    }

    /**
     * A builder of a {@code NewProject}: each component is set by its name, so that two values of one
     * type cannot change places unnoticed.
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Sets the components of a {@link NewProject} by name. A component not set is null, false or 0;
     * {@link #build()} validates as the canonical constructor does. Not thread-safe; one builder may
     * build several records.
     */
    public static final class Builder {
        private WorkspaceId workspaceId;
        private String name;
        private String keyName;
        private String description;
        private UserId createdBy;

        private Builder() {
        }

        /** Sets {@link NewProject#workspaceId()}. */
        public Builder workspaceId(WorkspaceId workspaceId) {
            this.workspaceId = workspaceId;
            return this;
        }

        /** Sets {@link NewProject#name()}. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** Sets {@link NewProject#keyName()}. */
        public Builder keyName(String keyName) {
            this.keyName = keyName;
            return this;
        }

        /** Sets {@link NewProject#description()}. */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /** Sets {@link NewProject#createdBy()}. */
        public Builder createdBy(UserId createdBy) {
            this.createdBy = createdBy;
            return this;
        }

        /**
         * The {@code NewProject} of the components set.
         *
         * @throws io.plinth.core.InvalidInputException naming the component that breaks a rule
         */
        public NewProject build() {
            return new NewProject(workspaceId, name, keyName, description, createdBy);
        }
    }
}
