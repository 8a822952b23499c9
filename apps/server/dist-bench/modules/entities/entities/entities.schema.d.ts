import { Type, type Static } from 'typebox';
export declare const EntityKindSchema: Type.TUnion<[Type.TLiteral<"national">, Type.TLiteral<"region">, Type.TLiteral<"departement">, Type.TLiteral<"federation">, Type.TLiteral<"other">]>;
export declare const LegalIdentitySchema: Type.TObject<{
    siren: Type.TUnion<[Type.TString, Type.TNull]>;
    legalName: Type.TUnion<[Type.TString, Type.TNull]>;
}>;
export declare const AddressSchema: Type.TObject<{
    line: Type.TUnion<[Type.TString, Type.TNull]>;
    postalCode: Type.TUnion<[Type.TString, Type.TNull]>;
    city: Type.TUnion<[Type.TString, Type.TNull]>;
}>;
export declare const ContactSchema: Type.TObject<{
    email: Type.TUnion<[Type.TString, Type.TNull]>;
    phone: Type.TUnion<[Type.TString, Type.TNull]>;
}>;
export declare const EntitySchema: Type.TObject<{
    id: Type.TString;
    kind: Type.TUnion<[Type.TLiteral<"national">, Type.TLiteral<"region">, Type.TLiteral<"departement">, Type.TLiteral<"federation">, Type.TLiteral<"other">]>;
    code: Type.TString;
    name: Type.TString;
    parentId: Type.TUnion<[Type.TString, Type.TNull]>;
    inseeCode: Type.TUnion<[Type.TString, Type.TNull]>;
    legalIdentity: Type.TObject<{
        siren: Type.TUnion<[Type.TString, Type.TNull]>;
        legalName: Type.TUnion<[Type.TString, Type.TNull]>;
    }>;
    address: Type.TObject<{
        line: Type.TUnion<[Type.TString, Type.TNull]>;
        postalCode: Type.TUnion<[Type.TString, Type.TNull]>;
        city: Type.TUnion<[Type.TString, Type.TNull]>;
    }>;
    contact: Type.TObject<{
        email: Type.TUnion<[Type.TString, Type.TNull]>;
        phone: Type.TUnion<[Type.TString, Type.TNull]>;
    }>;
    version: Type.TInteger;
    createdAt: Type.TString;
    updatedAt: Type.TString;
}>;
export type Entity = Static<typeof EntitySchema>;
/** One node of `?view=tree`: the entity fields that draw the tree, with its children nested. */
export interface EntityTreeNode {
    id: string;
    kind: Entity['kind'];
    code: string;
    name: string;
    parentId: string | null;
    children: EntityTreeNode[];
}
/**
 * The tree has no fixed depth (national → région → département today; moves may nest deeper), so
 * the node schema refers to itself.
 */
export declare const EntityTreeNodeSchema: Type.TCyclic<{
    EntityTreeNode: Type.TObject<{
        children: Type.TArray<Type.TRef<"EntityTreeNode">>;
        id: Type.TString;
        kind: Type.TUnion<[Type.TLiteral<"national">, Type.TLiteral<"region">, Type.TLiteral<"departement">, Type.TLiteral<"federation">, Type.TLiteral<"other">]>;
        code: Type.TString;
        name: Type.TString;
        parentId: Type.TUnion<[Type.TString, Type.TNull]>;
    }>;
}, "EntityTreeNode">;
export declare const EntityTreeSchema: Type.TObject<{
    items: Type.TArray<Type.TCyclic<{
        EntityTreeNode: Type.TObject<{
            children: Type.TArray<Type.TRef<"EntityTreeNode">>;
            id: Type.TString;
            kind: Type.TUnion<[Type.TLiteral<"national">, Type.TLiteral<"region">, Type.TLiteral<"departement">, Type.TLiteral<"federation">, Type.TLiteral<"other">]>;
            code: Type.TString;
            name: Type.TString;
            parentId: Type.TUnion<[Type.TString, Type.TNull]>;
        }>;
    }, "EntityTreeNode">>;
}>;
export declare const EntityIdParamsSchema: Type.TObject<{
    id: Type.TString;
}>;
/** JSON Merge Patch (RFC 7396): absent keys are kept, null clears a field. */
export declare const EntityPatchSchema: Type.TObject<{
    name: Type.TOptional<Type.TString>;
    legalIdentity: Type.TOptional<Type.TUnion<[Type.TObject<{
        siren: Type.TOptional<Type.TUnion<[Type.TString, Type.TNull]>>;
        legalName: Type.TOptional<Type.TUnion<[Type.TString, Type.TNull]>>;
    }>, Type.TNull]>>;
    address: Type.TOptional<Type.TUnion<[Type.TObject<{
        line: Type.TOptional<Type.TUnion<[Type.TString, Type.TNull]>>;
        postalCode: Type.TOptional<Type.TUnion<[Type.TString, Type.TNull]>>;
        city: Type.TOptional<Type.TUnion<[Type.TString, Type.TNull]>>;
    }>, Type.TNull]>>;
    contact: Type.TOptional<Type.TUnion<[Type.TObject<{
        email: Type.TOptional<Type.TUnion<[Type.TString, Type.TNull]>>;
        phone: Type.TOptional<Type.TUnion<[Type.TString, Type.TNull]>>;
    }>, Type.TNull]>>;
}>;
export type EntityPatch = Static<typeof EntityPatchSchema>;
export declare const CreateEntitySchema: Type.TObject<{
    kind: Type.TUnion<[Type.TLiteral<"region">, Type.TLiteral<"departement">, Type.TLiteral<"federation">, Type.TLiteral<"other">]>;
    code: Type.TString;
    name: Type.TString;
    parentId: Type.TString;
    inseeCode: Type.TOptional<Type.TUnion<[Type.TString, Type.TNull]>>;
    legalIdentity: Type.TOptional<Type.TObject<{
        siren: Type.TOptional<Type.TUnion<[Type.TString, Type.TNull]>>;
        legalName: Type.TOptional<Type.TUnion<[Type.TString, Type.TNull]>>;
    }>>;
    address: Type.TOptional<Type.TObject<{
        line: Type.TOptional<Type.TUnion<[Type.TString, Type.TNull]>>;
        postalCode: Type.TOptional<Type.TUnion<[Type.TString, Type.TNull]>>;
        city: Type.TOptional<Type.TUnion<[Type.TString, Type.TNull]>>;
    }>>;
    contact: Type.TOptional<Type.TObject<{
        email: Type.TOptional<Type.TUnion<[Type.TString, Type.TNull]>>;
        phone: Type.TOptional<Type.TUnion<[Type.TString, Type.TNull]>>;
    }>>;
}>;
export type CreateEntity = Static<typeof CreateEntitySchema>;
export declare const MoveEntitySchema: Type.TObject<{
    parentId: Type.TString;
}>;
