/** Filters, sort and paging of `GET /api/v1/entities` (the shared collection conventions). */
export declare const entityCollection: import("../../../platform/http/collection.js").Collection<{
    kind: {
        column: import("drizzle-orm/pg-core").PgColumn<{
            name: "kind";
            tableName: "entities";
            dataType: "string";
            columnType: "PgText";
            data: "national" | "region" | "departement" | "federation" | "other";
            driverParam: string;
            notNull: true;
            hasDefault: false;
            isPrimaryKey: false;
            isAutoincrement: false;
            hasRuntimeDefault: false;
            enumValues: ["national", "region", "departement", "federation", "other"];
            baseColumn: never;
            identity: undefined;
            generated: undefined;
        }, {}, {}>;
        type: "enum";
        values: readonly ["national", "region", "departement", "federation", "other"];
        filter: ("in" | "eq")[];
        sort: true;
        description: string;
    };
    parentId: {
        column: import("drizzle-orm/pg-core").PgColumn<{
            name: "parent_id";
            tableName: "entities";
            dataType: "string";
            columnType: "PgUUID";
            data: string;
            driverParam: string;
            notNull: false;
            hasDefault: false;
            isPrimaryKey: false;
            isAutoincrement: false;
            hasRuntimeDefault: false;
            enumValues: undefined;
            baseColumn: never;
            identity: undefined;
            generated: undefined;
        }, {}, {}>;
        type: "uuid";
        filter: "eq"[];
        description: string;
    };
    code: {
        column: import("drizzle-orm/pg-core").PgColumn<{
            name: "code";
            tableName: "entities";
            dataType: "string";
            columnType: "PgText";
            data: string;
            driverParam: string;
            notNull: true;
            hasDefault: false;
            isPrimaryKey: false;
            isAutoincrement: false;
            hasRuntimeDefault: false;
            enumValues: [string, ...string[]];
            baseColumn: never;
            identity: undefined;
            generated: undefined;
        }, {}, {}>;
        type: "string";
        filter: ("in" | "eq")[];
        sort: true;
        description: string;
    };
    name: {
        column: import("drizzle-orm/pg-core").PgColumn<{
            name: "name";
            tableName: "entities";
            dataType: "string";
            columnType: "PgText";
            data: string;
            driverParam: string;
            notNull: true;
            hasDefault: false;
            isPrimaryKey: false;
            isAutoincrement: false;
            hasRuntimeDefault: false;
            enumValues: [string, ...string[]];
            baseColumn: never;
            identity: undefined;
            generated: undefined;
        }, {}, {}>;
        type: "string";
        filter: "contains"[];
        sort: true;
        description: string;
    };
    updatedAt: {
        column: import("drizzle-orm/pg-core").PgColumn<{
            name: "updated_at";
            tableName: "entities";
            dataType: "date";
            columnType: "PgTimestamp";
            data: Date;
            driverParam: string;
            notNull: true;
            hasDefault: true;
            isPrimaryKey: false;
            isAutoincrement: false;
            hasRuntimeDefault: false;
            enumValues: undefined;
            baseColumn: never;
            identity: undefined;
            generated: undefined;
        }, {}, {}>;
        type: "date-time";
        filter: ("gte" | "lte")[];
        sort: true;
        description: string;
    };
}>;
