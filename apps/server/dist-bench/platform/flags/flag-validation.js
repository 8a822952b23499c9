const MAX_VARIANTS = 50;
/**
 * Rules the schema cannot express: variants exist, boolean flags keep on/off, named entities exist
 * (`unknownEntities`, looked up by the caller). Empty when valid.
 */
export function flagProblems(flag, unknownEntities) {
    const problems = [];
    const names = Object.keys(flag.variants);
    if (flag.kind === 'boolean') {
        if (names.length !== 2 || flag.variants.on !== true || flag.variants.off !== false) {
            problems.push({ pointer: '/variants', message: 'A boolean flag has exactly the variants on (true) and off (false).' });
        }
    }
    else {
        if (names.length === 0 || names.length > MAX_VARIANTS)
            problems.push({ pointer: '/variants', message: `Give 1 to ${MAX_VARIANTS} variants.` });
        for (const name of names) {
            const value = flag.variants[name];
            if (!/^[A-Za-z0-9_-]{1,64}$/.test(name))
                problems.push({ pointer: `/variants/${name}`, message: 'Variant names use letters, digits, - and _.' });
            if (value === null || value === undefined || Array.isArray(value)) {
                problems.push({ pointer: `/variants/${name}`, message: 'A variant value is a boolean, a string, a number or an object.' });
            }
        }
    }
    if (!names.includes(flag.defaultVariant))
        problems.push({ pointer: '/defaultVariant', message: 'Must name one of the variants.' });
    flag.rules.forEach((rule, index) => {
        if (!names.includes(rule.variant))
            problems.push({ pointer: `/rules/${index}/variant`, message: 'Must name one of the variants.' });
        rule.entityIds?.forEach((id, position) => {
            if (unknownEntities.has(id))
                problems.push({ pointer: `/rules/${index}/entityIds/${position}`, message: 'No such entity.' });
        });
        if (rule.percentage !== undefined && Math.abs(Math.round(rule.percentage * 100) - rule.percentage * 100) > 1e-9) {
            problems.push({ pointer: `/rules/${index}/percentage`, message: 'At most two decimals.' });
        }
    });
    return problems;
}
//# sourceMappingURL=flag-validation.js.map