// The notes' `test` blocks are tangled into this target by Derive's build plugin.
