/*
 * Stands in for the `jsonschema` package inside Lambda bundles only. ElectroDB uses it for one thing: checking each
 * entity's model when the entity is constructed, on every cold start. Our models are fixed at build time and every
 * one of them is constructed, and so checked by the real validator, in the test suite
 * (test/unit/platform/entity-models.test.ts); repeating that check on each cold start cost about a tenth of the
 * GraphQL function's initialisation. See docs/performance.md ("Cold start").
 */
class Validator {
  addSchema() {}
  /**
   * ElectroDB also asks the validator whether something handed to a Service is a model (a plain object literal) or an
   * Entity already built (a class instance): that answer is kept, and a model is taken as valid.
   */
  validate(instance) {
    const isModelLiteral = instance !== null && Object.getPrototypeOf(instance) === Object.prototype;
    return { errors: isModelLiteral ? [] : [{ property: 'instance', message: 'is not a model', argument: 'model' }] };
  }
}
Validator.prototype.customFormats = {};
module.exports = { Validator };
