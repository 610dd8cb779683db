"use server";

import { action } from "@/server/actions/safe-action";
import { people } from "@/server/operations/people";

export const createUserAction = action(people.create);
export const updateUserAction = action(people.update);
export const resetPasswordAction = action(people.resetPassword);
export const changeOwnPasswordAction = action(people.changeOwnPassword);
export const createTokenAction = action(people.createToken);
export const revokeTokenAction = action(people.revokeToken);
export const revokeAllTokensAction = action(people.revokeTokens);
export const setupAction = action(people.setup);
