// Simplified Chinese doc comments of go/errors.

import type { Translations } from "./translation";

export const ERRORS_DOCS: Record<string, Translations> = {
  "go/errors": {
    newError: [
      "7512f9da",
      "newError 返回一个消息为 text 的错误（Go：errors.New）。即使文本相同，每次调用返回的也是不同的错误：用 is 比较错误，不要比较消息。",
    ],
    unwrap: [
      "a9faf381",
      "当 err.unwrap() 的结果是单个错误时，unwrap 返回该结果，否则返回 null（Go：errors.Unwrap）。它不会解包 join 返回的错误，因为那种错误包装的是一个列表。",
    ],
    is: [
      "9d4c4140",
      "is 报告 err 的错误树中是否有错误与 target 匹配（Go：errors.Is）。错误树先是 err 本身，然后按深度优先遍历 unwrap() 的返回值。一个错误与 target 匹配，是指它就是 target（===），或者它的 is(target) 方法返回 true。is(null, null) 为 true。",
    ],
    as: [
      "51c31266",
      "as 在 err 的错误树中找到第一个与 target 匹配的错误并返回它，找不到则返回 null（Go：errors.As，它改为设置 *target）。target 是一个错误类（用 instanceof 匹配）或一个类型谓词。as(target) 方法返回某个错误的错误也算匹配，此时返回的是那个结果。如果 target 既不是类也不是函数，则 panic。",
    ],
    join: [
      "efad9431",
      "join 返回一个包装了给定错误的错误，其中的 null 和 undefined 被丢弃（Go：errors.Join）。如果所有错误都是 null，它返回 null。它的消息是各个消息用换行符连接起来的结果。",
    ],
    errorf: [
      "43baff30",
      "errorf 按 Go 的格式字符串进行格式化，并把得到的文本作为错误返回（Go：fmt.Errorf）。每个 %w 接受一个错误并包装它：只有一个时，结果的 unwrap() 返回它；有多个时，unwrap() 按参数顺序返回全部。%w 对应的参数不是 Error 时，打印 %!w(type=value)。支持的动词：%v %+v %s %d %q %x %X %t %f %e %g %T %w %%，以及标志、宽度、精度和 %[n] 索引。",
    ],
    Wrapper: ["e62fe8be", "错误为参与 is/as/unwrap 而可以实现的方法（即 Go 中的可选方法）。"],
    Target: [
      "9337dd93",
      "as 的第二个参数：一个错误类（用 instanceof 匹配）或一个类型谓词（(e): e is MyError => ...）。TypeScript 没有可以像 Go 的 &target 那样传递的指针，所以 as 改为返回匹配到的错误。",
    ],
    new: [
      "7512f9da",
      "newError 返回一个消息为 text 的错误（Go：errors.New）。即使文本相同，每次调用返回的也是不同的错误：用 is 比较错误，不要比较消息。",
    ],
    ErrUnsupported: [
      "9017cd7a",
      "ErrUnsupported 表示所请求的操作无法执行，因为它不受支持（Go：errors.ErrUnsupported）。",
    ],
    JoinError: [
      "54be2b32",
      "JoinError 是 join 返回的错误：它的消息是各个消息用换行符连接的结果（Go：*errors.joinError）。",
    ],
    WrapError: [
      "3951be95",
      "WrapError 是 errorf 在只有一个 %w 时返回的错误：unwrap() 返回被包装的错误（Go：*fmt.wrapError）。",
    ],
    WrapErrors: [
      "eac0cfa2",
      "WrapErrors 是 errorf 在有多个 %w 时返回的错误：unwrap() 返回所有被包装的错误（Go：*fmt.wrapErrors）。",
    ],
  },
};
