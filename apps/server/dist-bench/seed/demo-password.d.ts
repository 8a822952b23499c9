/** Four groups of four characters (about 79 bits): strong, and easy to read aloud or retype. */
export declare function generateDemoPassword(): string;
